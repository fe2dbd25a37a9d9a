W0417world
u i BC-EU--Harbour-Ferry 2ndLd-Writethru   02-01 0733
^BC-EU--Harbour-Ferry, 2nd Ld-Writethru,148<
^Ferry service resumes after harbour storm<
^Eds: Updates with mayor’s comments in 4th paragraph.<
^By MARTA NOVAK=
^Associated Press=
	   PORTOVILLE, Examplia (AP) _ The harbour ferry resumed service on Saturday after a storm closed the port for two days. 
 
	   ``We are glad to be back,'' said the captain, who asked not to be named. 
 
	   The mayor said the town’s economy depends on the crossing. 
 
	   ___
 

	   AP-WF-02-01-25 1433GMT<


