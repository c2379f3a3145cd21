VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/dyad-project/dyad/dyad.Version=$(VERSION) -X github.com/dyad-project/dyad/dyad.Commit=$(shell git rev-parse --short HEAD 2>/dev/null)

.PHONY: build test lint bench integration

build:
	go build -ldflags "$(LDFLAGS)" -o bin/dyad ./cmd/dyad

test:
	go test -race -count=1 ./...

lint:
	go vet ./...
	test -z "$$(gofmt -l .)"

bench:
	go test -run='^$$' -bench=. -benchmem -count=5 ./... | tee bench.txt

integration:
	bash .ci/run
