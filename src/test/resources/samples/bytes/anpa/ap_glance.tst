s0100-----
r s BC-BKO--RiverLeagueGlance     03-01 
^BC-BKO--River League Glance<
^River League Glance=
^All Times CET=
^By The Associated Press=
^NORTH DIVISION=
^ W   L   Pct   GB
Northside 20  5  .800   _
Laketown 15  10  .600   5
Hillford 9  16  .360  11
	   ___=
^Saturday's Games=
	   Northside 88, Hillford 71
	   Laketown 80, Riverside 79
	   ___=

	   AP-WF-03-01-25 2017GMT<

