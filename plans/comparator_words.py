"""How a comparator (gte / lte / eq) is written and typed: one table for every page, document and workbook.

`SIGNS` and `WORDS` are what is printed ("≥", "ไม่น้อยกว่า"); `TYPED` is what a workbook cell may hold
for each (the words, the signs, ">=", the choice labels "ไม่น้อยกว่า (≥)" and the stored values),
matched by projects.workbooks.cells.choice without caring about spaces or case.
"""

SIGNS = {"gte": "≥", "lte": "≤", "eq": "="}
WORDS = {"gte": "ไม่น้อยกว่า", "lte": "ไม่เกิน", "eq": "เท่ากับ"}

TYPED = {
    # The printed words and signs first: a refusal lists the first few as examples.
    **{word: value for value, word in WORDS.items()},
    **{sign: value for value, sign in SIGNS.items()},
    ">=": "gte",
    "<=": "lte",
    "ขึ้นไป": "gte",
    "ไม่ต่ำกว่า": "gte",
    "ไม่มากกว่า": "lte",
    **{f"{WORDS[value]} ({SIGNS[value]})": value for value in WORDS},
    **{value: value for value in WORDS},
}
