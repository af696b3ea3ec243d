"""Reference 004's budget table (ตารางที่ ๑๓, FY2565, สพม.พิษณุโลก อุตรดิตถ์), as finance would type it.

The five categories of the office's own budget are taken as printed; they add up to the printed total
318,223,938.00 allocated / 317,489,822.56 disbursed / 734,115.44 remaining / 99.77 %. 004 prints
งบอุดหนุน before งบลงทุน; Tidtam keeps the budget bureau's order (002's), which changes no total.

งบกลาง (สำรองฉุกเฉิน) is printed below the total and is not in it. Its printed line is not consistent
with itself: 5,851,800.00 − 5,851,795.80 is 4.20, not the printed 5.20, and 5,851,795.80 / 5,851,800.00
is 99.99993 %, which half-up to 2 places is 100.00, not the printed 99.99 (the document cut the figure
off). The allocation and the disbursement are taken as printed; remaining and percent are what Tidtam
computes from them (4.20 and 100.00).

004 has no column for commitments (ผูกพัน PO): they are 0 here.
"""

import datetime
from decimal import Decimal

AS_OF = datetime.date(2022, 9, 30)  # 30 กันยายน 2565, the end of fiscal year 2565
BE_YEAR = 2565

# category: (allocated, disbursed, committed)
LINES = {
    "personnel": (Decimal("18497700.00"), Decimal("18368345.14"), Decimal("0")),
    "operating": (Decimal("26611016.00"), Decimal("26101676.05"), Decimal("0")),
    "investment": (Decimal("24287200.00"), Decimal("24272309.37"), Decimal("0")),
    "subsidy": (Decimal("247107962.00"), Decimal("247034462.00"), Decimal("0")),
    "other": (Decimal("1720060.00"), Decimal("1713030.00"), Decimal("0")),
    "central": (Decimal("5851800.00"), Decimal("5851795.80"), Decimal("0")),
}

# What 004 prints per category (remaining, percent), for the categories whose line is consistent.
PRINTED = {
    "personnel": ("129,354.86", "99.30"),
    "operating": ("509,339.95", "98.09"),
    "subsidy": ("73,500.00", "99.97"),
    "investment": ("14,890.63", "99.94"),
    "other": ("7,030.00", "99.59"),
}
TOTAL = ("318,223,938.00", "317,489,822.56", "734,115.44", "99.77")
