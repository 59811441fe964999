package fetch

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"sync"
)

// feedScope is what one feed's requests share: their own connections (so a
// connection made for one feed never carries another's requests) and the
// side of the public/internal line the feed's server was found on, learnt
// from the address the feed's first connection reached. Every later
// connection of the feed — its redirects and its full-text pages — is
// checked against that side by the address it really reached, so a public
// name that resolves to this machine or a private network is refused just
// like an address written into the URL.
type feedScope struct {
	client *http.Client

	mu       sync.Mutex
	known    bool
	internal bool
}

type scopeKey struct{}

// newScope returns a scope whose client dials through the side check; it
// also returns a function that closes the scope's idle connections.
func (f *Fetcher) newScope() (*feedScope, func()) {
	c := f.client()
	sc := &feedScope{client: c}
	var t *http.Transport
	switch rt := c.Transport.(type) {
	case nil:
		t = http.DefaultTransport.(*http.Transport).Clone()
	case *http.Transport:
		t = rt.Clone()
	default:
		return sc, func() {} // a caller's own round tripper: names are still checked
	}
	dial := t.DialContext
	if dial == nil {
		dial = (&net.Dialer{Timeout: DefaultTimeout}).DialContext
	}
	t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		if err := sc.admit(conn.RemoteAddr()); err != nil {
			conn.Close()
			return nil, fmt.Errorf("%s: %w", addr, err)
		}
		return conn, nil
	}
	c.Transport = t
	return sc, t.CloseIdleConnections
}

// admit accepts a connection's remote address: the first one sets the
// feed's side; after it, an internal address is refused for a public feed.
func (sc *feedScope) admit(remote net.Addr) error {
	var ip net.IP
	if tcp, ok := remote.(*net.TCPAddr); ok {
		ip = tcp.IP
	} else if host, _, err := net.SplitHostPort(remote.String()); err == nil {
		ip = net.ParseIP(host)
	}
	internal := ip != nil && internalIP(ip)
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if !sc.known {
		sc.known, sc.internal = true, internal
		return nil
	}
	if internal && !sc.internal {
		return fmt.Errorf("reached %s: %w", ip, errInternalTarget)
	}
	return nil
}

// withScope gives ctx's requests the scope's client and side.
func withScope(ctx context.Context, sc *feedScope) context.Context {
	return context.WithValue(ctx, scopeKey{}, sc)
}

// clientFor is the client for a request made under ctx: its feed's scope's,
// else a plain one.
func (f *Fetcher) clientFor(ctx context.Context) *http.Client {
	if sc, ok := ctx.Value(scopeKey{}).(*feedScope); ok {
		return sc.client
	}
	return f.client()
}
