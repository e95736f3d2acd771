"""The bench's figures as a Markdown table, ready for docs/performances.md."""

# "none": nothing kept; "off": no page cache, the town cache's pieces; "on": both.
CACHE_LABEL = {"none": "aucun", "off": "ville", "on": "page"}
COLUMNS = [
    "page",
    "cache",
    "req/s",
    "p50 ms",
    "p99 ms",
    "requêtes SQL",
    "octets envoyés",
    "gzip",
    "÷ fichier statique",
    "÷ bakerydemo",
    "÷ bakerydemo, même machine",
]


def _number(value, decimals=0):
    if value is None:
        return "–"
    return f"{value:,.{decimals}f}".replace(",", "\u202f")


def _ratio(value, reference):
    return f"{value / reference:.2f}" if value is not None and reference else "–"


def _row(cells):
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def render_table(report):
    kinds = {page["name"]: page["kind"] for page in report["pages"]}
    factor = (report.get("calibration") or {}).get("machine_factor")
    lines = [_row(COLUMNS), _row(["---"] * len(COLUMNS))]
    for mode, figures in report["modes"].items():
        static = figures["pages"].get("static-css", {}).get("rps")
        for name, page in figures["pages"].items():
            lines.append(
                _row(
                    [
                        name,
                        CACHE_LABEL[mode],
                        _number(page["rps"]),
                        # No answer within the load's time: there is no latency to show.
                        _number(page["p50_ms"], 1) if page["requests"] else "> durée",
                        _number(page["p99_ms"], 1) if page["requests"] else "> durée",
                        report["sql_queries"].get(mode, {}).get(name, "–"),
                        _number(page["sent_bytes"]),
                        _number(page["gzip_bytes"]),
                        _ratio(page["rps"], static) if name != "static-css" else "1",
                        _ratio(page["rps"], report["bakerydemo_rps"][kinds[name]][1]),
                        _ratio(page["rps"] * factor, report["bakerydemo_rps"][kinds[name]][1])
                        if factor
                        else "–",
                    ]
                )
            )
        for name, result in figures["one_connection"].items():
            cells = [f"{name}, 1 connexion", CACHE_LABEL[mode], _number(result["rps"])]
            cells += [_number(result["p50_ms"], 1), _number(result["p99_ms"], 1)] + ["–"] * 6
            lines.append(_row(cells))
    weights = next((f["page_weight"] for f in report["modes"].values() if f["page_weight"]), {})
    lines.append("")
    if "skipped" in weights:
        lines.append(f"Poids à 375 px : non mesuré ({weights['skipped']}).")
    for name, weight in weights.items():
        if name != "skipped":
            lines.append(
                f"Poids à 375 px, première visite, compressé : {name} {_number(weight / 1024, 1)} Ko"
            )
    if factor:
        lines.append(
            f"Étalonnage : le fichier statique de la démo, servi comme elle (Django, WhiteNoise, gunicorn à "
            f"2 workers sync), fait ici {_number(report['calibration']['static_rps'])} req/s contre "
            f"{_number(report['calibration']['reference_static_rps'])} sur la machine de référence : "
            f"« même machine » multiplie chaque page par {factor:.2f} avant de la comparer à la démo."
        )
    lines.append(
        f"{report['machine']['cpus']} cœurs, {report['database']}, cache {report['cache_backend']}, "
        f"{report['tool']} {report['connections']} connexions × {report['duration_s']} s, "
        f"données {report['seeded_with']} (ville {report['town']}). "
        "÷ bakerydemo : rapport au chiffre le plus haut de la démo Wagtail pour ce genre de page. "
        "Cache « aucun » : tout est lu et rendu à chaque requête ; « ville » : sans cache de page, "
        "avec ce que le cache de la ville garde ; « page » : le cache de page complet."
    )
    return "\n".join(lines)
