"""Chart.js data built from the figure tables (the chart and its table share the same rows)."""

PALETTE = ["#256ef4", "#e0641b", "#2a8a4a", "#8b3fd9", "#c8102e", "#0b7a8a"]


def chart_data(figures: dict) -> dict:
    charts = {}
    for section in figures["sections"]:
        for table in section["tables"]:
            chart = table.get("chart")
            if not chart or not table["rows"]:
                continue
            charts[table["id"]] = {
                "type": chart["type"],
                "stacked": chart.get("stacked", False),
                "horizontal": chart.get("horizontal", False),
                "labels": [str(row[0]) for row in table["rows"]],
                "datasets": [
                    {"label": table["columns"][i], "data": [row[i] for row in table["rows"]],
                     "color": PALETTE[n % len(PALETTE)]}
                    for n, i in enumerate(chart["series"])
                ],
            }
    return charts
