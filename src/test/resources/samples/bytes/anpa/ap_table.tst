W0418world
r s BC-SPT--Rowing-Results   02-01 0120
^BC-SPT--Rowing-Results,<
	   LAKETOWN (AP) _ Results from the regatta on Saturday:<
	   ;CREW;TIME;LANE<
	   Northside;6:01.2;3<
	   Riverside;6:03.9;4<
^END<

	   AP-WF-02-01-25 1501GMT<


