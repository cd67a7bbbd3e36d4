package e2e

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeTLS runs factquiz serve with -tls-cert and -tls-key: it
// answers over HTTPS, its cookies are Secure (and HttpOnly, SameSite=Lax),
// and it sends Strict-Transport-Security.
func TestServeTLS(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server; skipped with -short")
	}
	dir := t.TempDir()
	certFile, keyFile, pool := selfSigned(t, dir)
	bin := buildFactquiz(t)
	s := startServer(t, bin, filepath.Join(dir, "tls.db"), "-tls-cert", certFile, "-tls-key", keyFile)
	if !strings.HasPrefix(s.URL, "https://") {
		t.Fatalf("the server says it serves on %s, want https://", s.URL)
	}
	hc := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	resp, err := hc.Get(s.URL + "/api/articles")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /api/articles over HTTPS: %d", resp.StatusCode)
	}
	if hsts := resp.Header.Get("Strict-Transport-Security"); !strings.Contains(hsts, "max-age=") {
		t.Errorf("Strict-Transport-Security %q", hsts)
	}
	names := map[string]bool{}
	for _, line := range resp.Header.Values("Set-Cookie") {
		name, _, _ := strings.Cut(line, "=")
		names[name] = true
		low := strings.ToLower(line)
		for _, attr := range []string{"secure", "httponly", "samesite=lax"} {
			if !strings.Contains(low, "; "+attr) {
				t.Errorf("cookie %s lacks %s: %s", name, attr, line)
			}
		}
	}
	if !names["fq_guest"] || !names["fq_csrf"] {
		t.Errorf("cookies set: %v; want fq_guest and fq_csrf", names)
	}
	// Plain HTTP on the TLS port is refused, not served.
	if resp, err := http.Get("http://" + strings.TrimPrefix(s.URL, "https://") + "/"); err == nil {
		resp.Body.Close()
		if resp.StatusCode < 400 {
			t.Errorf("plain HTTP on the HTTPS port got %d", resp.StatusCode)
		}
	}
}

// TestServeTLSFlags: one of the two files alone, or a file that is not a
// certificate, is a clear error at start.
func TestServeTLSFlags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server; skipped with -short")
	}
	dir := t.TempDir()
	certFile, keyFile, _ := selfSigned(t, dir)
	bin := buildFactquiz(t)
	junk := filepath.Join(dir, "junk.pem")
	os.WriteFile(junk, []byte("not a certificate"), 0o600)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-tls-cert", certFile}, "-tls-cert and -tls-key go together"},
		{[]string{"-tls-key", keyFile}, "-tls-cert and -tls-key go together"},
		{[]string{"-tls-cert", junk, "-tls-key", keyFile}, "TLS certificate " + junk},
	} {
		args := append([]string{"serve", "-db", filepath.Join(dir, "x.db"), "-addr", "127.0.0.1:0"}, tc.args...)
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err == nil || !strings.Contains(string(out), tc.want) {
			t.Errorf("serve %v: %v\n%s\nwant an error saying %q", tc.args, err, out, tc.want)
		}
	}
}

// selfSigned writes a certificate for 127.0.0.1 and its key, and returns
// their files and a pool that trusts the certificate.
func selfSigned(t *testing.T, dir string) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "factquiz test"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}
