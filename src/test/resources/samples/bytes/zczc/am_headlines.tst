ZCZC AAP
%A
#Morning
$AAP Morning Headlines
~AM Service
Parliament sits late to pass the harbour bill
Portoville ferry strike ends after four days
Laketown choir takes national title
Dollar steady ahead of rates decision

NNNN
