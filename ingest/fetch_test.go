package ingest

import (
	"errors"
	"net/netip"
	"testing"
)

func TestCheckURL(t *testing.T) {
	tests := []struct {
		name, url    string
		allowPrivate bool
		want         error
	}{
		{"https", "https://news.example/a?b=c", false, nil},
		{"http upper-case scheme", "HTTP://news.example/", false, nil},
		{"public ip", "http://93.184.216.34/", false, nil},
		{"file", "file:///etc/passwd", false, ErrBadURL},
		{"ftp", "ftp://news.example/", false, ErrBadURL},
		{"javascript", "javascript:alert(1)", false, ErrBadURL},
		{"no scheme", "news.example/a", false, ErrBadURL},
		{"no host", "http:///path", false, ErrBadURL},
		{"credentials", "https://user:pw@news.example/", false, ErrBadURL},
		{"unparsable", "http://[::1", false, ErrBadURL},
		{"loopback", "http://127.0.0.1:8080/", false, ErrPrivateAddress},
		{"loopback allowed", "http://127.0.0.1:8080/", true, nil},
		{"localhost", "http://localhost/", false, ErrPrivateAddress},
		{"sub.localhost", "http://api.localhost./", false, ErrPrivateAddress},
		{"rfc1918", "http://192.168.1.1/", false, ErrPrivateAddress},
		{"ipv6 loopback", "http://[::1]/", false, ErrPrivateAddress},
		{"ipv6 ula", "http://[fd00::1]/", false, ErrPrivateAddress},
		{"mapped loopback", "http://[::ffff:127.0.0.1]/", false, ErrPrivateAddress},
		{"metadata link-local", "http://169.254.169.254/latest", false, ErrPrivateAddress},
		{"cgnat", "http://100.64.0.1/", false, ErrPrivateAddress},
		{"unspecified", "http://0.0.0.0/", false, ErrPrivateAddress},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckURL(tt.url, tt.allowPrivate)
			if (tt.want == nil) != (err == nil) || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Errorf("CheckURL(%q, %v) = %v, want %v", tt.url, tt.allowPrivate, err, tt.want)
			}
		})
	}
}

func TestPublicAddr(t *testing.T) {
	tests := []struct {
		ip   string
		want bool
	}{
		{"8.8.8.8", true}, {"2606:4700::1111", true},
		{"127.0.0.1", false}, {"10.0.0.1", false}, {"172.16.5.4", false}, {"192.168.0.1", false},
		{"169.254.1.1", false}, {"100.64.0.1", false}, {"100.127.255.255", false}, {"100.128.0.1", true},
		{"0.0.0.0", false}, {"0.1.2.3", false}, {"224.0.0.1", false}, {"255.255.255.255", false}, {"198.18.0.1", false},
		{"::", false}, {"::1", false}, {"fe80::1", false}, {"fc00::1", false}, {"fd12::1", false}, {"ff02::1", false},
		{"::ffff:10.0.0.1", false}, {"::ffff:8.8.8.8", true}, {"64:ff9b::a00:1", false}, {"64:ff9b::808:808", true},
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			if got := PublicAddr(netip.MustParseAddr(tt.ip)); got != tt.want {
				t.Errorf("PublicAddr(%s) = %v, want %v", tt.ip, got, tt.want)
			}
		})
	}
}
