V0101-----
r e AP-Top-Arts-Hea     02-09 0121
^*9006< ^AP-Top-Arts-Headlines,0150<
^AP Top Arts News at 9:15 p.m. EST<
^Harbour festival returns after two-year pause
^Museum in Portoville reopens its glass wing
^Choir from Laketown wins national contest
^Novelist's first play opens to full houses

	   AP-WF-02-10-25 0215GMT<

