package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/dyad-project/dyad/ingest"
)

func ExampleReader_Read() {
	r := ingest.NewReader(ingest.Options{Outlet: "Unknown outlet"})
	inputs := []string{
		filepath.Join("testdata", "mixed", "wire.jsonl"),
		filepath.Join("testdata", "mixed", "image.png"),
		"-",
	}
	stdin := strings.NewReader("# Talks resume\n\nNegotiators met in **Doha** on Sunday.")
	err := r.Read(context.Background(), inputs, stdin, func(it ingest.Item) error {
		if it.Err != nil {
			fmt.Println("rejected:", filepath.ToSlash(it.Err.Error()), "| binary:", errors.Is(it.Err, ingest.ErrBinary))
			return nil
		}
		fmt.Printf("%s: %q (%s)\n", filepath.ToSlash(it.Doc.Origin), it.Doc.Title, it.Doc.Outlet)
		return nil
	})
	fmt.Println("err:", err)
	// Output:
	// testdata/mixed/wire.jsonl:1 (wire-1): "OPEC MEETS IN VIENNA" (Reuters)
	// testdata/mixed/wire.jsonl:2 (wire-2): "Iran and Iraq exchange fire" (AP)
	// rejected: testdata/mixed/wire.jsonl:3: malformed JSON line: unexpected end of JSON input | binary: false
	// rejected: testdata/mixed/wire.jsonl:4 (wire-4): no text: none of the fields text, body, content, article, maintext is set | binary: false
	// testdata/mixed/wire.jsonl:5 (5): "" (Unknown outlet)
	// rejected: testdata/mixed/image.png: binary content (PNG image) | binary: true
	// stdin: "Talks resume" (Unknown outlet)
	// err: <nil>
}

func ExampleSniff() {
	fmt.Println(ingest.Sniff("notes", []byte("# Minutes\n\nThe board met.")))
	fmt.Println(ingest.Sniff("stdin", []byte("{\"text\": \"a\"}\n{\"text\": \"b\"}\n")))
	fmt.Println(ingest.Sniff("page.txt", []byte("<rss version=\"2.0\">")))
	// Output:
	// markdown
	// jsonl
	// text
}
