"""The development plan as a document (HTML and PDF in the booklet's style) and the yearly
"indicators: targets vs results" report that the annual report includes."""
