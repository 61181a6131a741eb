# Shortcuts for the scripts in scripts/ (each installs what is missing and can be run directly).
.PHONY: run test data check-data notebooks

run:            ## build and print every transition of the catalogued families
	bash scripts/main.sh

test:           ## every test, as CI runs it
	bash scripts/test.sh

data:           ## regenerate data/transitions.csv and data/diagrams/*.csv
	bash scripts/make-data.sh

check-data:     ## fail when data/ is not what the current code computes
	bash scripts/check-data.sh

notebooks:      ## execute every notebook in notebooks/ headless
	bash scripts/run-notebooks.sh
