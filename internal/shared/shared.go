// Package shared finds the project's shared data folder (../shared beside
// the repository) for tests and benchmarks. The data is not the project's to
// copy, so tests that need it skip with a clear message when it is absent.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the shared folder: $DYAD_SHARED when set, else the "shared"
// folder beside the module root found by walking up from the working
// directory. It returns "" when there is none.
func Root() string {
	if d := os.Getenv("DYAD_SHARED"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		return ""
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			cand := filepath.Join(filepath.Dir(dir), "shared")
			if st, err := os.Stat(cand); err == nil && st.IsDir() {
				return cand
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Path returns the path of elem under the shared folder, or skips tb with a
// message naming what is missing.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	root := Root()
	if root == "" {
		tb.Skip("shared data folder not found (../shared beside the repository, or $DYAD_SHARED); skipping")
	}
	p := filepath.Join(append([]string{root}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data %s not present: %v; skipping", filepath.Join(elem...), err)
	}
	return p
}
