z0200-----
r z BC-BKO--RiverExpanded     03-01 0400
^BC-BKO--River Expanded Standings< 
^River League Expanded Standings= 
^By The Associated Press= 
^NORTH DIVISION= 
^;W;L;Pct;GB;L10;Str 
Northside;20;5;.800;_;8-2;W-3 
Laketown;15;10;.600;5;6-4;L-1 

	   AP-WF-03-01-25 2020GMT<

