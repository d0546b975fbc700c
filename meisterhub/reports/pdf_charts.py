"""The dashboard's charts drawn for the PDF with reportlab's own graphics.

Each drawing is built from the same chart data the dashboard hands to Chart.js
(`charts.chart_data`), so a bar in the PDF is the number in the dashboard's chart and table.
Labels use the report's Nanum font, so Hangul is embedded instead of drawn as empty boxes.
"""

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from .figures import fmt

LABEL_SIZE = 7.5
TITLE_SIZE = 9
ROW_HEIGHT = 14  # one category of a horizontal bar chart
LONGEST_LABEL = 16  # characters; longer names are shortened in the chart only (the table has them)


def _axis_number(value) -> str:
    return fmt(int(value)) if float(value).is_integer() else fmt(round(value, 1))


def _short(label: str) -> str:
    return label if len(label) <= LONGEST_LABEL else label[: LONGEST_LABEL - 1] + "…"


def _value_range(spec: dict) -> tuple[float, float]:
    if spec.get("stacked"):
        totals = [
            sum(v or 0 for v in column)
            for column in zip(*(d["data"] for d in spec["datasets"]), strict=True)
        ]
        values = [*totals, 0]
    else:
        values = [v for d in spec["datasets"] for v in d["data"] if v is not None] + [0]
    low, high = min(values), max(values)
    return low, high if high > low else low + 1


def _style_axes(chart, spec: dict, font: str) -> None:
    low, high = _value_range(spec)
    chart.valueAxis.valueMin = low
    chart.valueAxis.valueMax = high * 1.1 if high > 0 else high
    chart.valueAxis.labelTextFormat = _axis_number
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dfe3e7")
    for axis in (chart.valueAxis, chart.categoryAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.categoryNames = [_short(label) for label in spec["labels"]]


def _legend(spec: dict, font: str, x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.alignment = "right"
    legend.fontName, legend.fontSize = font, LABEL_SIZE
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.boxAnchor = "nw"
    legend.colorNamePairs = [(colors.HexColor(d["color"]), d["label"]) for d in spec["datasets"]]
    # One entry per column: the entries stand side by side in one row.
    legend.dxTextSpace = 4
    legend.deltax = max(stringWidth(d["label"], font, LABEL_SIZE) for d in spec["datasets"]) + 24
    return legend


def chart_drawing(spec: dict, *, title: str, width: float, font: str, bold_font: str) -> Drawing:
    """A Drawing of one chart spec; `drawing.chart` holds the chart, `drawing.title` its title."""
    count = len(spec["labels"])
    horizontal = spec.get("horizontal", False)
    legend_rows = 1 if len(spec["datasets"]) > 1 or spec["type"] == "line" else 0
    top = TITLE_SIZE + 8 + legend_rows * 14
    if horizontal:
        left = min(
            max(stringWidth(_short(label), font, LABEL_SIZE) for label in spec["labels"]) + 10,
            width * 0.4,
        )
        plot_height = ROW_HEIGHT * count
        chart = HorizontalBarChart()
        chart.categoryAxis.reverseDirection = 1  # the first row of the table on top
    else:
        left = 44
        plot_height = 120
        chart = HorizontalLineChart() if spec["type"] == "line" else VerticalBarChart()
    slot = (width - left - 16) / max(count, 1)
    widest = max(stringWidth(_short(label), font, LABEL_SIZE) for label in spec["labels"])
    tilt = not horizontal and widest > slot - 4  # tilt long names instead of overlapping them
    bottom = 28 + (widest * 0.5 if tilt else 0)
    height = plot_height + top + bottom
    drawing = Drawing(width, height)
    chart.x, chart.y = left, bottom
    chart.width, chart.height = width - left - 16, plot_height
    chart.data = [tuple(d["data"]) for d in spec["datasets"]]
    _style_axes(chart, spec, font)
    if tilt:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    if spec["type"] == "line":
        for i, dataset in enumerate(spec["datasets"]):
            chart.lines[i].strokeColor = colors.HexColor(dataset["color"])
            chart.lines[i].strokeWidth = 1.5
            chart.lines[i].symbol = makeMarker(
                "FilledCircle", size=4, fillColor=colors.HexColor(dataset["color"])
            )
    else:
        chart.barSpacing = 1
        chart.groupSpacing = 6
        if spec.get("stacked"):
            chart.categoryAxis.style = "stacked"
        for i, dataset in enumerate(spec["datasets"]):
            chart.bars[i].fillColor = colors.HexColor(dataset["color"])
            chart.bars[i].strokeColor = None
    drawing.add(chart, name="chart")
    drawing.add(
        String(0, height - TITLE_SIZE, title, fontName=bold_font, fontSize=TITLE_SIZE), name="title"
    )
    if legend_rows:
        drawing.add(_legend(spec, font, left, height - TITLE_SIZE - 6), name="legend")
    return drawing
