"""The PDF draws the dashboard's charts from the dashboard's numbers, every page is drawn, the
Hangul is real text in the embedded Nanum font, and no heading is left at a page bottom."""

import io
import json
import re
import subprocess
from types import SimpleNamespace

import pytest
from django.urls import reverse
from PIL import Image, ImageChops, ImageStat
from pypdf import PdfReader

from meisterhub.reports import conf, pdf_charts
from meisterhub.reports.charts import chart_data
from meisterhub.reports.pdf import render_pdf

from .factories import seed_year
from .test_figures import YEAR, kpis, table

CHARTED = [
    "consultations-month",
    "consultations-field",
    "facilities-room",
    "events-area",
    "programs-area",
    "programs-budget",
    "growth",
    "champions-year",
]


def run(*command) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def report(client, taxonomy, staff_user, monkeypatch, tmp_path):
    """The dashboard of a known year, and its PDF with every chart drawing it contains."""
    seed_year(YEAR, staff_user)
    client.force_login(staff_user)
    response = client.get(reverse("reports:dashboard"), {"year": YEAR})
    drawn = []
    draw = pdf_charts.chart_drawing

    def spy(spec, **kwargs):
        drawing = draw(spec, **kwargs)
        drawn.append((spec, drawing))
        return drawing

    monkeypatch.setattr(pdf_charts, "chart_drawing", spy)
    path = tmp_path / "report.pdf"
    path.write_bytes(render_pdf(response.context["figures"]))
    html = response.content.decode()
    charts = re.search(
        r'<script id="report-charts" type="application/json">(.*?)</script>', html, re.S
    )
    return SimpleNamespace(
        figures=response.context["figures"],
        html=html,
        path=path,
        dashboard_charts=json.loads(charts.group(1)),
        drawn=drawn,
    )


def test_each_pdf_chart_draws_the_numbers_of_the_dashboards_chart(report):
    figures, dashboard = report.figures, report.dashboard_charts
    assert list(dashboard) == CHARTED
    assert dashboard == json.loads(json.dumps(chart_data(figures)))
    assert len(report.drawn) == len(CHARTED)
    for chart_id, (spec, drawing) in zip(CHARTED, report.drawn, strict=True):
        shown = dashboard[chart_id]
        assert spec == shown
        assert drawing.chart.data == [tuple(d["data"]) for d in shown["datasets"]], chart_id
        assert drawing.chart.categoryAxis.categoryNames == shown["labels"], chart_id
        rows = table(figures, chart_id)["rows"]
        assert shown["labels"] == [str(row[0]) for row in rows]
        for dataset in shown["datasets"]:
            column = table(figures, chart_id)["columns"].index(dataset["label"])
            assert dataset["data"] == [row[column] for row in rows], (chart_id, dataset["label"])
    # The bars add up to the dashboard's key figures.
    month = drawing_of(report, "consultations-month")
    assert sum(map(sum, month.chart.data)) == kpis(figures, "consultations")["상담 건수"] == 4
    assert [sum(column) for column in zip(*month.chart.data, strict=True)][2] == 2  # March
    rooms = drawing_of(report, "facilities-room")
    assert sum(rooms.chart.data[0]) == kpis(figures, "facilities")["사용 시간(시간)"] == 3.0
    events = drawing_of(report, "events-area")
    assert [sum(series) for series in events.chart.data] == [
        kpis(figures, "events")[label] for label in ("행사·교육 회차", "신청자", "참석자")
    ]
    champions = drawing_of(report, "champions-year")
    assert champions.chart.data[-1][-1] == kpis(figures, "champions")["누적 지정"] == 1


def drawing_of(report, chart_id):
    return next(d for spec, d in report.drawn if spec == report.dashboard_charts[chart_id])


def test_the_pdf_carries_each_charts_title_and_labels(report):
    text = re.sub(r"\s+", " ", run("pdftotext", "-layout", str(report.path), "-"))
    for number, chart_id in enumerate(CHARTED, start=1):
        spec = report.dashboard_charts[chart_id]
        assert f"그림 {number}. {table(report.figures, chart_id)['caption']}" in text
        for label in spec["labels"]:
            assert label in text
        if len(spec["datasets"]) > 1:  # the legend names each series
            for dataset in spec["datasets"]:
                assert dataset["label"] in text


def _pixels_near(image, colour, tolerance=30) -> int:
    """How many pixels are within `tolerance` of `colour` on every channel."""
    masks = [
        channel.point(lambda v, c=c: 255 if abs(v - c) < tolerance else 0)
        for channel, c in zip(image.split(), colour, strict=True)
    ]
    both = ImageChops.multiply(ImageChops.multiply(masks[0], masks[1]), masks[2])
    return both.histogram()[255]


def test_every_page_is_drawn_and_none_is_blank(report, tmp_path):
    pages = len(PdfReader(report.path).pages)
    run("pdftoppm", "-r", "40", "-png", str(report.path), str(tmp_path / "page"))
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == pages >= 3
    chart_blue = 0
    for image_path in images:
        image = Image.open(image_path).convert("RGB")
        grey = image.convert("L")
        inked = sum(grey.histogram()[:240]) / (grey.width * grey.height)
        assert inked > 0.01, f"{image_path.name} is blank ({inked:.2%} inked)"
        assert ImageStat.Stat(grey).stddev[0] > 10, image_path.name
        chart_blue += _pixels_near(image, (0x25, 0x6E, 0xF4))
    assert chart_blue > 500  # the bars are painted, not only the text around them


def test_hangul_is_real_text_in_the_embedded_nanum_font(report):
    fonts = [line.split() for line in run("pdffonts", str(report.path)).splitlines()[2:]]
    nanum = {row[0].split("+")[-1]: row for row in fonts if "Nanum" in row[0]}
    assert set(nanum) == {"NanumGothic", "NanumGothicBold"}
    assert all(row[-5] == "yes" for row in nanum.values()), fonts  # the "emb" column
    # reportlab's canvases declare a base-14 start font; no text is drawn with it.
    drawn_with = set()

    def visit(text, cm, tm, font, size):
        if text.strip() and font:
            drawn_with.add(str(font["/BaseFont"]).split("+")[-1])

    for page in PdfReader(report.path).pages:
        page.extract_text(visitor_text=visit)
    assert drawn_with == {"NanumGothic", "NanumGothicBold"}
    # Every character printed has a glyph in the font: no empty boxes (tofu).
    from reportlab.pdfbase.ttfonts import TTFont

    glyphs = TTFont("check", conf.KOREAN_FONT).face.charToGlyph
    text = run("pdftotext", str(report.path), "-")
    assert not sorted({ch for ch in text if not ch.isspace() and ord(ch) not in glyphs})
    for words in (
        f"{YEAR}년 성과 보고",
        "마이스터 기술상담",
        "월별 상담 건수",
        "그림 1.",
        "지표 정의",
        "상담 건수",
        "수소산업",
        "세미나홀",
    ):
        assert words in text


def test_no_heading_is_the_last_line_of_a_page(report):
    figures = report.figures
    headings = {f"{n}. {s['title']}" for n, s in enumerate(figures["sections"], start=1)}
    headings |= {t["caption"] for s in figures["sections"] for t in s["tables"]}
    headings |= {figures["definitions"]["title"]}
    headings |= {s["title"] for s in figures["definitions"]["sections"]}
    for number, page in enumerate(PdfReader(report.path).pages, start=1):
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        assert lines[-1] not in headings, (number, lines[-1])


def _synthetic(first_rows: int) -> dict:
    """A report whose first table pushes the next caption down the page, row by row."""

    def grid(table_id, caption, count, label):
        return {
            "id": table_id,
            "caption": caption,
            "columns": ["항목", "값"],
            "chart": None,
            "rows": [[f"{label} {i + 1}행", i] for i in range(count)],
        }

    def section(section_id, title, tables):
        return {
            "id": section_id,
            "title": title,
            "note": "",
            "empty": False,
            "kpis": [{"code": section_id, "label": f"{title} 지표", "value": 1}],
            "tables": tables,
        }

    return {
        "title": "배치 시험",
        "year": YEAR,
        "area_label": "전체 분야",
        "is_empty": False,
        "empty_text": "해당 연도의 실적이 없습니다",
        "definitions": {"title": "지표 정의", "sections": []},
        "sections": [
            section(
                "one",
                "첫째 부문",
                [grid("first", "첫째 표", first_rows, "앞"), grid("second", "둘째 표", 3, "뒤")],
            ),
            section("two", "둘째 부문", [grid("third", "셋째 표", 2, "끝")]),
        ],
    }


def test_a_caption_or_heading_always_starts_on_the_page_of_its_table():
    moved = 0
    for rows in range(20, 75):  # every position of the second caption on the page
        reader = PdfReader(io.BytesIO(render_pdf(_synthetic(rows))))
        pages = [page.extract_text() for page in reader.pages]

        def page_of(words, pages=pages):
            return next(n for n, text in enumerate(pages) if words in text)

        assert page_of("둘째 표") == page_of("뒤 1행"), rows
        assert page_of("2. 둘째 부문") == page_of("둘째 부문 지표"), rows  # with its key figures
        assert page_of("셋째 표") == page_of("끝 1행"), rows
        moved += page_of("둘째 표") != page_of(f"앞 {rows}행")
    assert moved  # some layouts did move a caption to the next page
