package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

// CheckURL checks the parts of a URL that can be checked without the
// network: it parses, its scheme is http or https, it has a host, it
// carries no credentials, and — unless allowPrivate — its host is not
// "localhost" nor a literal non-public address. It returns an error
// wrapping ErrBadURL or ErrPrivateAddress. Names that resolve to private
// addresses are caught later, at dial time, by the Reader's client.
func CheckURL(raw string, allowPrivate bool) error {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadURL, errors.Unwrap(err))
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		return fmt.Errorf("%w: no scheme (want http or https)", ErrBadURL)
	default:
		return fmt.Errorf("%w: scheme %q not allowed (want http or https)", ErrBadURL, u.Scheme)
	}
	host := u.Hostname()
	if host == "" {
		return fmt.Errorf("%w: no host", ErrBadURL)
	}
	if u.User != nil {
		return fmt.Errorf("%w: credentials in URLs are not accepted", ErrBadURL)
	}
	if allowPrivate {
		return nil
	}
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return &addrError{host: host}
	}
	if ip, err := netip.ParseAddr(host); err == nil && !PublicAddr(ip) {
		return &addrError{host: host, ip: ip}
	}
	return nil
}

// nonPublic lists the ranges, beyond those netip classifies, that are not
// public unicast addresses.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),      // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),  // CGNAT
	netip.MustParsePrefix("192.0.0.0/24"),   // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),  // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),    // reserved, and broadcast
	netip.MustParsePrefix("fc00::/7"),       // unique local
	netip.MustParsePrefix("2001:db8::/32"),  // documentation
	netip.MustParsePrefix("64:ff9b:1::/48"), // local-use NAT64
	netip.MustParsePrefix("100::/64"),       // discard-only
}

// PublicAddr reports whether ip is a public unicast address: not loopback,
// private (RFC 1918, fc00::/7), link-local, unspecified, multicast, CGNAT
// (100.64.0.0/10) or reserved. IPv4-mapped and NAT64 (64:ff9b::/96) IPv6
// addresses are judged by the IPv4 address they carry.
func PublicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.Is6() && netip.MustParsePrefix("64:ff9b::/96").Contains(ip) {
		b := ip.As16()
		ip = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() || ip.IsMulticast() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// addrError is a refused non-public target; it matches ErrPrivateAddress.
type addrError struct {
	host string
	ip   netip.Addr
}

func (e *addrError) Error() string {
	if e.ip.IsValid() && e.ip.String() != e.host {
		return fmt.Sprintf("%v: %s is %s (allow private addresses to fetch it)", ErrPrivateAddress, e.host, e.ip)
	}
	return fmt.Sprintf("%v: %s (allow private addresses to fetch it)", ErrPrivateAddress, e.host)
}

func (e *addrError) Is(target error) bool { return target == ErrPrivateAddress }

// dialControl refuses connections to non-public addresses. It runs after
// DNS resolution, on the address actually dialed, so names that resolve
// (or re-resolve, as in DNS rebinding) to private addresses are refused.
func dialControl(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("%w: dial address %q", ErrBadURL, address)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: dial address %q", ErrBadURL, address)
	}
	if !PublicAddr(ip) {
		return &addrError{host: ip.String(), ip: ip}
	}
	return nil
}

// newClient builds the fetching client that o describes.
func newClient(o Options) *http.Client {
	d := &net.Dialer{Timeout: o.Timeout, KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		d.Control = dialControl
	}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would dial for us, past dialControl
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   o.Timeout,
		ResponseHeaderTimeout: o.Timeout,
		MaxIdleConns:          16,
		IdleConnTimeout:       30 * time.Second,
	}
	return &http.Client{
		Transport: tr,
		Timeout:   o.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > o.MaxRedirects {
				return fmt.Errorf("%w: more than %d", ErrTooManyRedirects, o.MaxRedirects)
			}
			return CheckURL(req.URL.String(), o.AllowPrivate)
		},
	}
}

// accept lists what the reader can read, best first.
const accept = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, " +
	"application/feed+json, application/json, application/x-ndjson, text/markdown, text/plain;q=0.9, */*;q=0.1"

// fetched is a URL's body, read whole.
type fetched struct {
	body        []byte
	contentType string
	final       *url.URL // after redirects
	sniffName   string   // the name Sniff should see
}

// fetch gets raw and returns its body. It returns ctx's error unwrapped
// when ctx is done, and otherwise errors wrapping the sentinels.
func (r *Reader) fetch(ctx context.Context, raw string) (*fetched, error) {
	if err := CheckURL(raw, r.o.AllowPrivate); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, r.o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSpace(raw), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadURL, err)
	}
	req.Header.Set("Accept", accept)
	req.Header.Set("User-Agent", "dyad/"+dyad.Version+" (news event coder)")
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, r.fetchError(ctx, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("%w %s", ErrHTTPStatus, resp.Status)
	}
	ctype := resp.Header.Get("Content-Type")
	sniffName, err := sniffNameFor(ctype, resp.Request.URL)
	if err != nil {
		return nil, err
	}
	if resp.ContentLength > r.o.MaxBytes {
		return nil, fmt.Errorf("%w: body is %d bytes, over the %d-byte limit", ErrTooLarge, resp.ContentLength, r.o.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, r.o.MaxBytes+1))
	if err != nil {
		return nil, r.fetchError(ctx, err)
	}
	if int64(len(body)) > r.o.MaxBytes {
		return nil, fmt.Errorf("%w: body over the %d-byte limit", ErrTooLarge, r.o.MaxBytes)
	}
	return &fetched{body: body, contentType: ctype, final: resp.Request.URL, sniffName: sniffName}, nil
}

// fetchError classifies a failed request.
func (r *Reader) fetchError(ctx context.Context, err error) error {
	var ae *addrError
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.Is(err, ErrTooManyRedirects), errors.Is(err, ErrBadURL):
		var ue *url.Error
		if errors.As(err, &ue) {
			return fmt.Errorf("redirect to %s: %w", ue.URL, ue.Err)
		}
		return err
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		if ctx.Err() != nil && !errors.Is(context.Cause(ctx), context.DeadlineExceeded) {
			return ctx.Err()
		}
		return fmt.Errorf("%w: timed out after %s: %w", ErrFetch, r.o.Timeout, context.DeadlineExceeded)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("%w: %w", ErrFetch, err)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// sniffNameFor returns the name Sniff should see for a body of type ctype
// fetched from u: an extension that the type implies, or u's path when the
// type says nothing specific. It refuses types dyad cannot read.
func sniffNameFor(ctype string, u *url.URL) (string, error) {
	if ctype == "" {
		return u.Path, nil
	}
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		return u.Path, nil
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return "page.html", nil
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json":
		return "feed.xml", nil
	case "application/json", "application/ld+json":
		if strings.HasSuffix(strings.ToLower(u.Path), ".jsonl") {
			return u.Path, nil
		}
		return "body.json", nil
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return "body.jsonl", nil
	case "text/markdown", "text/x-markdown":
		return "body.md", nil
	case "text/plain", "application/xml", "text/xml", "application/octet-stream",
		"application/gzip", "application/x-gzip", "binary/octet-stream":
		return u.Path, nil
	}
	if strings.HasPrefix(mt, "text/") {
		return u.Path, nil
	}
	return "", fmt.Errorf("%w %s", ErrContentType, mt)
}
