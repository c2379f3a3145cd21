package main

import "github.com/dyad-project/dyad/export"

func init() {
	eventWriters["gdelt"] = export.WriteGDELT
	eventWriters["plover"] = export.WritePLOVER
}
