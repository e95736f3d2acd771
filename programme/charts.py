"""Simple bar charts drawn on the server as SVG; a data table always goes with them."""

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

WIDTH = 640
HEIGHT = 200
TOP = 20
BOTTOM = 30


def bar_chart(rows, value_key, title, chart_id):
    """An SVG bar chart of `rows[value_key]` by month, described by its title (the table carries the data)."""
    values = [row[value_key] for row in rows]
    highest = max(values + [1])
    step = WIDTH / max(len(rows), 1)
    bar_width = step * 0.7
    plot_height = HEIGHT - TOP - BOTTOM
    bars = []
    for index, row in enumerate(rows):
        value = row[value_key]
        height = plot_height * value / highest
        x = index * step + (step - bar_width) / 2
        y = TOP + plot_height - height
        label = date_format(row["month"], "M")
        bars.append(
            (
                f"{x:.1f}",
                f"{y:.1f}",
                f"{bar_width:.1f}",
                f"{height:.1f}",
                f"{x + bar_width / 2:.1f}",
                f"{max(y - 4, 12):.1f}",
                value,
                f"{HEIGHT - 10}",
                label,
            )
        )
    body = format_html_join(
        "",
        '<rect x="{0}" y="{1}" width="{2}" height="{3}" class="chart__bar"></rect>'
        '<text x="{4}" y="{5}" text-anchor="middle" class="chart__value">{6}</text>'
        '<text x="{4}" y="{7}" text-anchor="middle" class="chart__label">{8}</text>',
        bars,
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{}-title">{}</title>{}</svg>',
        WIDTH,
        HEIGHT,
        chart_id,
        chart_id,
        title,
        body,
    )
