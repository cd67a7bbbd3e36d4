package handlers

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"factquiz/models"
)

// TestGenerateTimeout: an article whose questions take longer than the
// generation limit is refused with a 503 that says so, and nothing is
// stored, on the API and on the form.
func TestGenerateTimeout(t *testing.T) {
	ta := newTestAppConfig(t, Config{GenerateTimeout: time.Nanosecond})
	teacher := ta.as("teacher@example.com", models.RoleInstructor)
	text := "= Plain Town =\n\nPlain Town was founded in 1850 by Mary Brown near Leeds. It had 300 people in 1900.\n"
	resp, out := teacher.postJSON("/api/articles", map[string]string{"text": text})
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(out["error"].(string), "took too long") {
		t.Fatalf("status %d, %v", resp.StatusCode, out)
	}
	arts, err := ta.store.ListArticles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 0 {
		t.Fatalf("%d articles stored", len(arts))
	}
}
