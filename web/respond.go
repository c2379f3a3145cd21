package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/dyad-project/dyad/dyad"
)

// httpError is an error that already knows its status, for failures of
// HTTP itself (a long query, a missing token) rather than of dyad.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

// statusOf maps an error to the status of its response: the one place where
// dyad's error codes become HTTP statuses.
func statusOf(err error) int {
	var he *httpError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		return he.status
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge
	}
	switch dyad.ErrorCode(err) {
	case dyad.EINVALID:
		return http.StatusBadRequest
	case dyad.ENOTFOUND:
		return http.StatusNotFound
	case dyad.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	case dyad.ECONFLICT:
		return http.StatusConflict
	}
	return http.StatusInternalServerError
}

// writeError answers with {"error": message}. Internal errors are logged
// with their detail and shown only as "internal error".
func (s *server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	msg := dyad.ErrorMessage(err)
	var he *httpError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		msg = he.msg
	case errors.As(err, &mbe):
		msg = "request body larger than " + humanBytes(mbe.Limit)
	case status >= 500:
		s.log.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
		msg = "internal error"
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
	}
	body, _ := json.Marshal(map[string]string{"error": msg})
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return itoa(n>>20) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return itoa(n>>10) + " KiB"
	}
	return itoa(n) + " bytes"
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// writeJSON answers a read with v as JSON.
func (s *server) writeJSON(w http.ResponseWriter, r *http.Request, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeBody(w, r, "application/json; charset=utf-8", buf.Bytes())
}

// writeBody answers a read with body, tagged with an ETag that hashes it;
// a request whose If-None-Match names that tag gets 304 and no body.
func (s *server) writeBody(w http.ResponseWriter, r *http.Request, contentType string, body []byte) {
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "no-cache")
	if etagMatch(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", contentType)
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	w.Write(body)
}

// etagMatch reports whether an If-None-Match header names etag (or "*").
// Weak tags match their strong form, as RFC 9110 asks for GET.
func etagMatch(header, etag string) bool {
	for t := range strings.SplitSeq(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

// handleAPINotFound answers any other /api/ path with a JSON 404, or a 405
// for a known path with the wrong method (which the mux does itself).
func (s *server) handleAPINotFound(w http.ResponseWriter, r *http.Request) {
	var allowed []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		if m == r.Method {
			continue
		}
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "/api/" && pattern != "" {
			allowed = append(allowed, m)
		}
	}
	if len(allowed) > 0 {
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		s.writeError(w, r, &httpError{http.StatusMethodNotAllowed, r.Method + " not allowed on " + r.URL.Path})
		return
	}
	s.writeError(w, r, &httpError{http.StatusNotFound, "no such API route: " + r.URL.Path})
}
