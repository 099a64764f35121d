"""Nothing from data can inject script: hostile column names, cell values and chart titles show as text,
in the kernel's output bundle and in the exported page opened in Chromium."""
from __future__ import annotations

import nbformat

from conftest import check_pages, error_outputs, outputs, run_notebooks

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(2)</script>"
DIV = "<div data-injected=1>x</div>"
CLOSE = "</script><script>alert(3)</script>"

CELLS = [
    f'String IMG = "{IMG}"; String SCRIPT = "{SCRIPT}"; String DIV = "{DIV}"; String CLOSE = "{CLOSE}";',
    'Table evil = Table.create(IMG, StringColumn.create(IMG, SCRIPT, DIV, CLOSE),\n'
    '    DoubleColumn.create(SCRIPT, 1.0, 2.0, 3.0));\nevil',
    'org.anomaly4j.plot.ScatterChart.create(CLOSE + IMG, evil, SCRIPT, SCRIPT)',
    'Table evil2 = Table.create("e", DoubleColumn.create("x", 1.0, 2.0, 3.0), DoubleColumn.create("y", 3.0, 1.0, 2.0));\n'
    'tech.tablesaw.plotly.api.ScatterPlot.create(IMG + CLOSE + DIV, evil2, "x", "y")',
]


def test_hostile_names_and_values_show_as_text(kernel_spec, build_dir):
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"name": "anomaly4j", "display_name": "Java (anomaly4j)", "language": "java"}}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in CELLS]
    src = build_dir / "injection-src.ipynb"
    nbformat.write(nb, src)
    dst = build_dir / "injection" / "injection.ipynb"
    run_notebooks.execute(src, dst)
    done = nbformat.read(dst, as_version=4)
    assert error_outputs(done) == []

    results = [o for o in outputs(done) if o.output_type == "execute_result"]
    table_html = results[0]["data"]["text/html"]
    for raw in (IMG, SCRIPT, DIV, CLOSE):
        assert raw not in table_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in table_html
    for fig in results[1:3]:
        html = fig["data"]["text/html"]
        assert html.count("<script") == 1 and html.count("</script>") == 1, "only our own script element"
        assert IMG not in html and DIV not in html
    # our charts hand plotly.js text as entities (plotly.js would read some tags as markup); the browser shows it literally
    assert results[1]["data"]["application/vnd.plotly.v1+json"]["layout"]["title"]["text"] == (CLOSE + IMG).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert results[2]["data"]["application/vnd.plotly.v1+json"]["layout"]["title"]["text"] == IMG + CLOSE + DIV

    site = build_dir / "injection"
    page = run_notebooks.export_html(dst, site)
    import shutil
    shutil.copy2(run_notebooks.plotly_js(), site / "plotly.min.js")
    [entry] = check_pages([page], build_dir / "injection-browser")
    assert entry["dialogs"] == [], "injected script ran"
    assert entry["injectedElements"] == 0, "data became HTML elements"
    assert entry["pageErrors"] == [] and entry["consoleErrors"] == []
    assert entry["drawn"] == entry["charts"] == 2
    assert IMG in entry["text"] and SCRIPT in entry["text"], "the hostile strings are visible as text"
    assert CLOSE + IMG in entry["titles"], "the chart title shows the hostile text literally"
