"""The annual report as PDF (reportlab) with Debian's Nanum fonts.

A heading never stands alone at a page bottom: each section heading travels with its key
figures and each table caption with its chart and the start of its table (KeepTogether).
"""

import io
from pathlib import Path

from meisterhub.core.errors import DomainError

from . import conf
from .charts import chart_data
from .figures import fmt

FONT, FONT_BOLD = "NanumGothic", "NanumGothicBold"


def register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    regular, bold = Path(conf.KOREAN_FONT), Path(conf.KOREAN_FONT_BOLD)
    if not regular.exists():
        raise DomainError(
            f"한글 글꼴 파일({regular})이 없어 PDF를 만들 수 없습니다. 서버에 fonts-nanum 패키지를 "
            "설치해 주세요 (apt-get install fonts-nanum)."
        )
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold if bold.exists() else regular)))


def _styles():
    from reportlab.lib.styles import ParagraphStyle

    return {
        "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=20, leading=26, spaceAfter=6),
        "subtitle": ParagraphStyle("subtitle", fontName=FONT, fontSize=10, leading=14,
                                   spaceAfter=12),
        "h2": ParagraphStyle("h2", fontName=FONT_BOLD, fontSize=14, leading=20, spaceBefore=14,
                             spaceAfter=6, keepWithNext=1),
        "h3": ParagraphStyle("h3", fontName=FONT_BOLD, fontSize=10.5, leading=15, spaceBefore=8,
                             spaceAfter=4, keepWithNext=1),
        "body": ParagraphStyle("body", fontName=FONT, fontSize=9, leading=13),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=8.5, leading=11),
        "empty": ParagraphStyle("empty", fontName=FONT_BOLD, fontSize=10, leading=14,
                                spaceBefore=4),
    }


def _grid(rows, *, header: bool, widths=None):
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, TableStyle

    table = LongTable(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#b1b8be")),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7")),
                  ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD), ("ALIGN", (0, 0), (-1, 0), "CENTER")]
    table.setStyle(TableStyle(style))
    return table


def _chart(spec: dict, number: int, caption: str, width: float):
    from .pdf_charts import chart_drawing

    return chart_drawing(spec, title=f"그림 {number}. {caption}", width=width, font=FONT,
                         bold_font=FONT_BOLD)


def _definitions(figures: dict, styles: dict, width: float) -> list:
    from reportlab.platypus import KeepTogether, Paragraph

    part = figures["definitions"]
    story = []
    for section in part["sections"]:
        rows = [["지표", "정의"]] + [
            [Paragraph(m["label"], styles["cell"]), Paragraph(m["definition"], styles["cell"])]
            for m in section["measures"]]
        table = _grid(rows, header=True, widths=[width * 0.24, width * 0.76])
        table.setStyle([("ALIGN", (1, 1), (-1, -1), "LEFT"), ("VALIGN", (0, 1), (-1, -1), "TOP")])
        # The part's heading goes with its first table (keepWithNext stops at a KeepTogether).
        head = [] if story else [Paragraph(part["title"], styles["h2"])]
        story.append(KeepTogether([*head, Paragraph(section["title"], styles["h3"]), table]))
    return story


def render_pdf(figures: dict, *, progress=None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

    register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=figures["title"], author="마이스터 허브",
                            leftMargin=16 * mm, rightMargin=16 * mm, topMargin=16 * mm,
                            bottomMargin=16 * mm)
    width = A4[0] - 32 * mm
    story = [Paragraph(f"{figures['title']} (성과공유회 자료)", styles["title"]),
             Paragraph(f"대상: {figures['year']}년 · {figures['area_label']}", styles["subtitle"])]
    if figures["is_empty"]:
        story.append(Paragraph(f"{figures['year']}년: {figures['empty_text']}.", styles["empty"]))
    sections = figures["sections"]
    charts, chart_number = chart_data(figures), 0
    for number, section in enumerate(sections, start=1):
        head = [Paragraph(f"{number}. {section['title']}", styles["h2"])]
        if section["note"]:
            head.append(Paragraph(section["note"], styles["body"]))
        if section["empty"]:
            story.append(KeepTogether([*head, Paragraph(figures["empty_text"], styles["empty"])]))
            continue
        kpis = [[Paragraph(k["label"], styles["cell"]), fmt(k["value"])] for k in section["kpis"]]
        story.append(KeepTogether(
            [*head, _grid(kpis, header=False, widths=[width * 0.45, width * 0.25])]))
        for table in section["tables"]:
            block = [Paragraph(table["caption"], styles["h3"])]
            if not table["rows"]:
                story.append(KeepTogether([*block, Paragraph(figures["empty_text"],
                                                             styles["body"])]))
                continue
            if table["id"] in charts:
                chart_number += 1
                block.append(_chart(charts[table["id"]], chart_number, table["caption"], width))
                block.append(Spacer(1, 2 * mm))
            first = width * 0.34
            rest = (width - first) / max(len(table["columns"]) - 1, 1)
            rows = [table["columns"]] + [
                [Paragraph(str(row[0]), styles["cell"]), *(fmt(v) for v in row[1:])]
                for row in table["rows"]]
            block.append(_grid(rows, header=True,
                               widths=[first] + [rest] * (len(table["columns"]) - 1)))
            story.append(KeepTogether(block))
        story.append(Spacer(1, 4 * mm))
        if progress:
            progress(number / len(sections))
    story.extend(_definitions(figures, styles, width))
    doc.build(story)
    return buffer.getvalue()
