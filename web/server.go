package web

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/dyad-project/dyad/actor"
	"github.com/dyad-project/dyad/dyad"
)

// Defaults of Config.
const (
	DefaultMaxBody  = 8 << 20 // largest POST body, in bytes
	DefaultMaxLimit = 500     // largest page of events
	maxQueryBytes   = 4096    // longest query string
	maxTextQuery    = 256     // longest full-text query
)

// Config configures the handler that New returns. Store is required.
type Config struct {
	Store dyad.Store
	// Coder codes documents posted to /api/documents; nil stores them
	// uncoded.
	Coder dyad.Coder
	// Token, when set, allows writes to callers that send
	// "Authorization: Bearer TOKEN"; when empty the server is read-only.
	Token string
	// Logger receives request and error logs; nil discards them.
	Logger *slog.Logger
	// MaxBody caps request bodies (default DefaultMaxBody); larger ones get 413.
	MaxBody int64
	// ResolveActor turns an actor parameter ("Russia", "RUSGOV") into a
	// selector, as the command line does; nil uses the built-in dictionary
	// with the same rules as `dyad events --actor`.
	ResolveActor func(string) (dyad.ActorSelector, error)
	// AllowPrivate lets POST {"url": ...} fetch loopback and private
	// addresses. Off by default, as for `dyad ingest`; only tests set it.
	AllowPrivate bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// server holds what the handlers share.
type server struct {
	cfg     Config
	log     *slog.Logger
	resolve func(string) (dyad.ActorSelector, error)
	dict    *actor.Dictionary
	assets  map[string]asset
	mux     *http.ServeMux

	writeMu sync.Mutex // one ingest at a time: the store's writer is the bottleneck anyway

	actorsMu  sync.Mutex
	actorsAt  time.Time
	actorsVal []actorEntry
}

// New returns the handler of the API and the UI. It panics if cfg.Store is
// nil, which is a programming error.
func New(cfg Config) http.Handler {
	if cfg.Store == nil {
		panic("web: Config.Store is nil")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &server{cfg: cfg, log: cfg.Logger, resolve: cfg.ResolveActor, dict: actor.Builtin()}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.resolve == nil {
		s.resolve = s.actorSelector
	}
	s.assets = loadAssets()

	mux := http.NewServeMux()
	s.mux = mux
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("GET /api/events", s.handleEvents)
	mux.HandleFunc("GET /api/events/{id}", s.handleEvent)
	mux.HandleFunc("GET /api/timeline", s.handleTimeline)
	mux.HandleFunc("GET /api/network", s.handleNetwork)
	mux.HandleFunc("GET /api/brief", s.handleBrief)
	mux.HandleFunc("GET /api/documents/{id}", s.handleDocument)
	mux.HandleFunc("POST /api/documents", s.handlePostDocuments)
	mux.HandleFunc("GET /api/actors", s.handleActors)
	mux.HandleFunc("/api/", s.handleAPINotFound)
	mux.HandleFunc("/", s.handleUI)
	return s.middleware(mux)
}

// middleware wraps every response with the security headers, the query
// and body limits, panic recovery and a request log line.
func (s *server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h := w.Header()
		// The UI loads only its own files: no inline script or style, no
		// framing, no plugins, and fetches to this origin alone.
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", p)
				if !rec.wrote {
					s.writeError(rec, r, errors.New("panic"))
				}
			}
			s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", rec.status, "bytes", rec.bytes, "took", time.Since(start))
		}()
		if len(r.URL.RawQuery) > maxQueryBytes {
			s.writeError(rec, r, &httpError{http.StatusRequestURITooLong, "query string too long"})
			return
		}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(rec, r.Body, s.cfg.MaxBody)
		}
		next.ServeHTTP(rec, r)
	})
}

// statusRecorder remembers the status and size of a response for the log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
	wrote  bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// The timeouts of the server that Serve runs. Writes may take a while for a
// large ingest or brief; headers must come quickly.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 120 * time.Second
	shutdownTimeout   = 10 * time.Second
)

// NewServer returns an http.Server for h with dyad's timeouts, so that a
// slow or idle client cannot hold a connection open indefinitely.
func NewServer(h http.Handler, logger *slog.Logger) *http.Server {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: readTimeout,
		WriteTimeout: writeTimeout, IdleTimeout: idleTimeout, MaxHeaderBytes: 64 << 10}
	if logger != nil {
		srv.ErrorLog = slog.NewLogLogger(logger.Handler(), slog.LevelWarn)
	}
	return srv
}

// Serve serves h on ln until ctx is done, then shuts down gracefully,
// letting requests in flight finish for up to ten seconds. It returns nil
// after a shutdown caused by ctx.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, logger *slog.Logger) error {
	srv := NewServer(h, logger)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if e := <-errc; e != nil && !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}
