"""Rows of the plain-text tables reports print (kg.table_rows), on hand-made tables: each number of a row in the unit
of its column or its table's caption, of the time its column names; a price list's lines in its heading's currency;
and a draft lists them among the row's values."""

from __future__ import annotations

from pathlib import Path

from kg.table_rows import list_rows, table_rows

TABLE = """Shipments through Zanbar, 2021 and 2022

Table 2. Tankers crossing through the north and south gates of Zanbar, by gate and year, 2022 and 2021 (thousand tankers)

Gate | 2022 | 2021 | Change
North gate | 1.5 | 1.2 | +25%
South gate | about 900 | 700 | +29%

Spending on the gates (million dinars)

Item | Planned 2023 | Spent 2022
Scanners | 4,200 | 3,100
"""


def rows(text: str) -> list[tuple[str, list[tuple], tuple]]:
    return [(text[r.start:r.end].split(" |")[0], [(q.value, q.qualifier, q.unit, q.verbatim) for q in r.quantities], r.dates)
            for r in table_rows(text)]


def test_a_rows_figures_are_in_its_captions_unit_and_scale_and_of_its_columns_years():
    assert rows(TABLE) == [
        ("North gate", [(1500, "exactly", "tanker", "1.5"), (1200, "exactly", "tanker", "1.2")], ("2022", "2021")),
        ("South gate", [(900_000, "about", "tanker", "about 900"), (700_000, "exactly", "tanker", "700")], ("2022", "2021")),
        ("Scanners", [(4_200_000_000, "exactly", "IQD", "4,200"), (3_100_000_000, "exactly", "IQD", "3,100")], ("2023", "2022")),
    ]


def test_a_columns_own_unit_comes_before_the_captions():
    text = "Traffic at the gates\n\nGate | Trucks a day | Fees (USD)\nNorth gate | 140 | 250\n"
    [(_, figures, _)] = rows(text)
    assert figures == [(140, "exactly", "truck", "140"), (250, "exactly", "USD", "250")]
    [row] = table_rows(text)
    assert row.quantities[0].per == "day"


def test_lines_with_bars_that_are_no_table_of_figures_give_nothing():
    assert table_rows("6 April 2023 | Advisory 7 | Desk of the Gates\n\nThe gates opened.\n") == []
    # a table whose cells are words
    assert table_rows("Gate | Status | Hours\nNorth gate | open | 8 a.m. to 2 p.m.\nSouth gate | closed | none\n") == []
    # figures without a unit anywhere
    assert table_rows("Gate | 2022 | 2021\nNorth gate | 15 | 12\n") == []


def test_a_tables_row_is_drafted_with_its_figures_among_its_values():
    from kg.compare import Known
    from kg.corpus import Document
    from kg.event_index import EventIndex
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.suggest import make_draft

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    text = "Table 2: Tankers crossing (thousand tankers)\n\nGate | 2022 | 2021\nNorth gate | 1.5 | 1.2\n"
    doc = Document("009", "009.txt", Path("009.txt"), text, "", "Test", "report", "Test", [], "2023-01-10")
    [row] = [s for s in make_draft(doc, ontology, {}, Known(), EventIndex(ontology)).statements if "|" in s["quote"]]
    assert row["quote"] == "North gate | 1.5 | 1.2" and "a table's row with figures" in row["proposal"]["why"]
    values = [dict(v) if isinstance(v, dict) else v for v in row["proposal"]["values"]]
    assert {"value": 1500, "qualifier": "exactly", "unit": "tanker", "verbatim": "1.5"} in values
    assert {"2022", "2021"} <= {v for v in values if isinstance(v, str)}


def test_a_rows_label_gives_the_unit_where_its_column_does_not_and_a_paragraph_is_no_caption():
    text = ("Our teams cleared about 1.4 million square metres. They worked with 900 farming households in the district.\n\n"
            "Indicator | Target 2023 | Achieved 2023\n"
            "Land cleared (square metres) | 1,500,000 | about 1,400,000\n"
            "Farming households supported | 900 | 1,130\n")
    assert rows(text) == [
        ("Land cleared (square metres)", [(1_500_000, "exactly", "squareMetre", "1,500,000"),
                                          (1_400_000, "about", "squareMetre", "about 1,400,000")], ("2023",)),
        ("Farming households supported", [(900, "exactly", "household", "900"), (1130, "exactly", "household", "1,130")],
         ("2023",)),
    ]


def test_a_caption_gives_its_unit_before_a_rows_label_names_a_thing():
    text = "Spending (million dinars)\n\nItem | 2023 | 2022\nScanners | 4,200 | 3,100\n"
    [(_, figures, _)] = rows(text)
    assert [(v, u) for v, _, u, _ in figures] == [(4_200_000_000, "IQD"), (3_100_000_000, "IQD")]


PRICES = """Zanbar market, Iraqi dinars:
Wheat flour, 50 kg sack: 38,000 (down 4%)
Diesel, 1 litre: about 750 (unchanged)

Lane rates for May, in US dollars per truck, with April's rate:

Zanbar–Qarya: 2,450 (April 2,100, +16.7%)
Qarya–Dorra: 950 (April 700, +35.7%)

Prices rose 4% in May: traders blamed the closure.
Fuel: 20 tankers, a trader said.
"""


def test_a_price_lists_lines_are_sums_in_its_headings_currency_per_their_measure():
    found = [[(q.value, q.qualifier, q.unit, q.per, q.verbatim) for q in r.quantities] + list(r.dates)
             for r in list_rows(PRICES, "2023-06-02")]
    assert found == [
        [(38_000, "exactly", "IQD", "50 kg sack", "38,000")],
        [(750, "about", "IQD", "litre", "about 750")],
        [(2450, "exactly", "USD", "truck", "2,450"), (2100, "exactly", "USD", "truck", "2,100"), "2023-04"],
        [(950, "exactly", "USD", "truck", "950"), (700, "exactly", "USD", "truck", "700"), "2023-04"],
    ]


def test_lines_of_a_label_and_a_figure_without_a_currency_heading_are_no_price_list():
    assert list_rows("Gate figures for May:\nNorth gate: 140\nSouth gate: 90\n", "2023-06-02") == []
    assert list_rows("Zanbar market, Iraqi dinars:\nWheat flour, 50 kg sack: 38,000\n", "2023-06-02") == []  # one line


def test_a_place_after_a_price_lists_label_is_no_measure():
    text = "Diesel prices, US dollars per tanker:\nDiesel, Basra: 9,000\nDiesel, Qarya: 11,000\n"
    assert [q.per for r in list_rows(text, "2023-06-02") for q in r.quantities] == ["tanker", "tanker"]


def test_a_price_lists_line_is_drafted_with_its_sums_among_its_values():
    from kg.compare import Known
    from kg.corpus import Document
    from kg.event_index import EventIndex
    from kg.ontology import load_ontology
    from kg.paths import PROJECT_ROOT
    from kg.suggest import make_draft

    ontology = load_ontology(PROJECT_ROOT / "ontology" / "landbridge.ttl")
    doc = Document("009", "009.txt", Path("009.txt"), PRICES, "", "Test", "report", "Test", [], "2023-06-02")
    [line] = [s for s in make_draft(doc, ontology, {}, Known(), EventIndex(ontology)).statements
              if s["quote"].startswith("Zanbar–Qarya")]
    values = [dict(v) if isinstance(v, dict) else v for v in line["proposal"]["values"]]
    assert {"value": 2100, "qualifier": "exactly", "unit": "USD", "per": "truck", "verbatim": "2,100"} in values
    assert "2023-04" in values
