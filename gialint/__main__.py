from gialint.cli import run

run()
