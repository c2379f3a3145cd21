package web

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/dyad-project/dyad/dyad"
	"github.com/dyad-project/dyad/ingest"
	"github.com/dyad-project/dyad/pipeline"
	"github.com/dyad-project/dyad/resolve"
)

// maxIngestDocs bounds the documents one POST may carry (a JSON array or
// JSON Lines body), so that one request cannot hold the writer for long.
const maxIngestDocs = 1000

// ingested is one stored document in the answer of POST /api/documents.
type ingested struct {
	ID    dyad.DocumentID `json:"id"`
	Title string          `json:"title"`
	// New is false when the same text was stored before.
	New      bool           `json:"new"`
	Mentions []mentionJSON  `json:"mentions"`
	Events   []dyad.EventID `json:"events"`
}

// ingestAnswer is the answer of POST /api/documents.
type ingestAnswer struct {
	Documents []ingested       `json:"documents"`
	Rejected  []string         `json:"rejected"`
	Summary   pipeline.Summary `json:"summary"`
}

// urlRequest is the body that asks the server to fetch a URL.
type urlRequest struct {
	URL string `json:"url"`
}

// handlePostDocuments serves POST /api/documents: it ingests the body — a
// text, Markdown, HTML or JSON/JSONL document, sniffed by content, or
// {"url": "..."} to fetch a public URL — through the same pipeline as
// `dyad ingest`, and answers 201 with the stored documents, their mentions
// and events. Query parameters outlet, url and published fill what the
// document lacks. It needs "Authorization: Bearer TOKEN": 403 when the
// server has no token (read-only), 401 for a missing or wrong one.
func (s *server) handlePostDocuments(w http.ResponseWriter, r *http.Request) {
	if err := s.authorize(r); err != nil {
		s.writeError(w, r, err)
		return
	}
	p := newParams(r.URL.Query())
	o := ingest.Options{MaxBytes: s.cfg.MaxBody, AllowPrivate: s.cfg.AllowPrivate, Timeout: 20 * time.Second,
		Outlet: p.str("outlet"), URL: p.str("url")}
	if pub := p.str("published"); pub != "" {
		if t, err := time.Parse(time.RFC3339, pub); err == nil {
			o.Published = t.UTC()
		} else if d, err := dyad.ParseDate(pub); err == nil {
			o.Published = d.First()
		} else {
			p.fail("published=%q: want YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 time", pub)
		}
	}
	if err := p.done(); err != nil {
		s.writeError(w, r, err)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if len(bytes.TrimSpace(body)) == 0 {
		s.writeError(w, r, dyad.Errorf(dyad.EINVALID, "empty body: send a document, or {\"url\": \"...\"}"))
		return
	}
	input := []string{"-"}
	var stdin io.Reader = bytes.NewReader(body)
	if u, ok := urlBody(body); ok {
		if err := ingest.CheckURL(u, s.cfg.AllowPrivate); err != nil {
			s.writeError(w, r, dyad.Errorf(dyad.EINVALID, "url %q: %v", u, err))
			return
		}
		input, stdin = []string{u}, nil
	}
	ans, err := s.ingest(r.Context(), ingest.NewReader(o), input, stdin)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if len(ans.Documents) == 0 {
		s.writeError(w, r, rejection(ans.Rejected, ans.tooLarge))
		return
	}
	b, err := json.Marshal(ans.ingestAnswer)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusCreated)
	w.Write(append(b, '\n'))
}

// authorize checks the bearer token in constant time.
func (s *server) authorize(r *http.Request) error {
	if s.cfg.Token == "" {
		return &httpError{http.StatusForbidden, "this server is read-only: start it with --token or $DYAD_TOKEN to allow writes"}
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.Token)) != 1 {
		return &httpError{http.StatusUnauthorized, "missing or wrong bearer token"}
	}
	return nil
}

// urlBody reports whether body is a JSON object that asks for a URL to be
// fetched ({"url": "..."}) rather than a document (which has "text").
func urlBody(body []byte) (string, bool) {
	b := bytes.TrimSpace(body)
	if len(b) == 0 || b[0] != '{' {
		return "", false
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil {
		return "", false
	}
	if _, hasText := m["text"]; hasText {
		return "", false
	}
	var u urlRequest
	if json.Unmarshal(b, &u) != nil || u.URL == "" {
		return "", false
	}
	return u.URL, true
}

type ingestResult struct {
	ingestAnswer
	tooLarge bool
}

// ingest runs the pipeline over what the reader reads from input, one
// write at a time, and reads back what was stored.
func (s *server) ingest(ctx context.Context, reader *ingest.Reader, input []string, stdin io.Reader) (*ingestResult, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	res := &ingestResult{ingestAnswer: ingestAnswer{Documents: []ingested{}, Rejected: []string{}}}
	var docs []*dyad.Document
	var mu sync.Mutex
	existed := map[dyad.DocumentID]bool{} // stored before this request
	prepare := func(d *dyad.Document) error {
		if err := pipeline.Prepare(d); err != nil {
			return err
		}
		has, err := s.cfg.Store.HasDocuments(ctx, []dyad.DocumentID{d.ID})
		if err != nil {
			return err
		}
		mu.Lock()
		existed[d.ID] = has[d.ID]
		mu.Unlock()
		return nil
	}
	runner := &pipeline.Runner{Prepare: prepare, Coder: s.cfg.Coder, Store: s.cfg.Store, Resolver: &resolve.Clusterer{}, Workers: 1,
		MaxDelay: 50 * time.Millisecond, Logger: s.log,
		Reject: func(err error) {
			// The reader names a body read as "-" stdin; to an HTTP client it is the request body.
			msg := err.Error()
			if rest, ok := strings.CutPrefix(msg, "stdin"); ok {
				msg = "body" + rest
			}
			res.Rejected = append(res.Rejected, msg)
			if errors.Is(err, ingest.ErrTooLarge) {
				res.tooLarge = true
			}
		}}
	sum, err := runner.Run(ctx, func(ctx context.Context, yield func(*dyad.Document, error) error) error {
		return reader.Read(ctx, input, stdin, func(it ingest.Item) error {
			if it.Doc != nil {
				if len(docs) >= maxIngestDocs {
					return dyad.Errorf(dyad.ETOOLARGE, "more than %d documents in one request", maxIngestDocs)
				}
				docs = append(docs, it.Doc)
			}
			return yield(it.Doc, it.Err)
		})
	})
	res.Summary = sum
	if err != nil {
		return nil, err
	}
	if sum.New > 0 {
		s.dropActors()
	}
	seen := map[dyad.DocumentID]bool{}
	for _, d := range docs {
		if d.ID == "" || seen[d.ID] {
			continue // rejected by Prepare, or a repeat within the body
		}
		seen[d.ID] = true
		stored, err := s.cfg.Store.HasDocuments(ctx, []dyad.DocumentID{d.ID})
		if err != nil {
			return nil, err
		}
		if !stored[d.ID] {
			continue
		}
		ms, err := s.cfg.Store.DocumentMentions(ctx, d.ID)
		if err != nil {
			return nil, err
		}
		in := ingested{ID: d.ID, Title: d.Title, New: !existed[d.ID], Mentions: make([]mentionJSON, 0, len(ms)), Events: []dyad.EventID{}}
		evSeen := map[dyad.EventID]bool{}
		for _, m := range ms {
			in.Mentions = append(in.Mentions, mentionOut(m))
			if m.Event != "" && !evSeen[m.Event] {
				evSeen[m.Event] = true
				in.Events = append(in.Events, m.Event)
			}
		}
		res.Documents = append(res.Documents, in)
	}
	return res, nil
}

// rejection is the error for a body from which nothing was stored.
func rejection(reasons []string, tooLarge bool) error {
	msg := "no document in the body"
	if len(reasons) > 0 {
		msg = "rejected: " + strings.Join(reasons, "; ")
	}
	if tooLarge {
		return dyad.Errorf(dyad.ETOOLARGE, "%s", msg)
	}
	return dyad.Errorf(dyad.EINVALID, "%s", msg)
}
