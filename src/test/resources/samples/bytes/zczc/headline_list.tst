ZCZC AAP
Parliament sits late to pass the harbour bill
Portoville ferry strike ends after four days
Laketown choir takes national title

NNNN
