zczc
AN#1001
KN#Example Bites
PD#01 February 2025 09:30:00
CO#ABC.AX
TI#Miner lifts output
AB#The miner’s output rose.
TX#
The miner’s output rose 12 per cent, the “best quarter” in years.
Shares rose 3 per cent.
NNNN
zczc
AN#1002
KN#Example Bites
NNNN
