package models

import (
	"math"
	"net/mail"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFlashcardSettings reads the profile's desired retention and daily
// new cards: what is accepted is within the bounds the scheduler takes,
// what is refused says why.
func FuzzFlashcardSettings(f *testing.F) {
	for _, s := range [][2]string{
		{"0.90", "20"}, {"0.7", "0"}, {"0.97", "500"}, {".9", "020"}, {"0.969999999999", "+20"},
		{"0.69", "501"}, {"0.98", "-1"}, {"NaN", "NaN"}, {"nan", "20"}, {"Inf", "9223372036854775808"}, {"-Inf", "1e3"},
		{"1e309", "20.0"}, {"0x1.cp-1", "0x14"}, {"9e-1", " 20"}, {" 0.9", "２０"}, {"0,9", "\x00"}, {"", ""},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, retention, newPerDay string) {
		r, n, errs := parseFlashcardSettings(retention, newPerDay)
		for k, msg := range errs {
			if (k != "retention" && k != "new_per_day") || msg == "" {
				t.Fatalf("error %q: %q", k, msg)
			}
		}
		if errs["retention"] == "" && !(r >= MinRetention-1e-9 && r <= MaxRetention+1e-9) {
			t.Fatalf("retention %q accepted as %v", retention, r)
		}
		if errs["new_per_day"] == "" && (n < 0 || n > MaxNewPerDay) {
			t.Fatalf("new cards a day %q accepted as %d", newPerDay, n)
		}
	})
}

// FuzzPageWindow pages through total rows: the page is kept from 1 to the
// last, the limit within MaxPerPage, and the offset inside the rows.
func FuzzPageWindow(f *testing.F) {
	for _, s := range []struct {
		page, per int
		total     int64
	}{
		{1, 0, 0}, {2, 10, 25}, {3, 10, 25}, {4, 10, 25}, {0, -5, 1}, {-1, 50, 1000}, {1 << 30, 200, 7},
		{math.MaxInt, MaxPerPage, 1}, {math.MaxInt, math.MaxInt, math.MaxInt64}, {math.MinInt, math.MinInt, 0},
	} {
		f.Add(s.page, s.per, s.total)
	}
	f.Fuzz(func(t *testing.T, page, perPage int, total int64) {
		if total < 0 {
			total = -(total + 1) // a count is never negative
		}
		p, pages, limit, offset := pageWindow(page, perPage, total)
		switch {
		case limit < 1 || limit > MaxPerPage || perPage > 0 && limit != min(perPage, MaxPerPage):
			t.Fatalf("per page %d gives limit %d", perPage, limit)
		case pages < 1 || total == 0 && pages != 1 || total > 0 && int64(pages) != (total-1)/int64(limit)+1:
			t.Fatalf("%d rows, %d a page, in %d pages", total, limit, pages)
		case p < 1 || p > pages || page >= 1 && page <= pages && p != page:
			t.Fatalf("page %d of %d read as %d", page, pages, p)
		case offset < 0 || offset != (p-1)*limit || total > 0 && int64(offset) >= total:
			t.Fatalf("page %d of %d rows, %d a page: offset %d", p, total, limit, offset)
		}
	})
}

// FuzzNewUser checks the sign-up form: an account it accepts has a plain
// address, a name, a password bcrypt takes whole and a known role.
func FuzzNewUser(f *testing.F) {
	for _, s := range [][4]string{
		{"ann@example.com", "Ann Lee", "a long password", ""},
		{" Ann@Example.COM ", "", "12345678", "instructor"},
		{"Ann <ann@example.com>", "Ann", "12345678", "learner"},
		{"ann@example.com", strings.Repeat("é", 101), "1234567", "admin"},
		{"ann@example.com", "x", strings.Repeat("é", 37), "root"},
		{"\"a b\"@example.com", "\x00", strings.Repeat("p", 72), "Admin"},
		{"a@b", "  ", "日本語のパスワード", "learner"},
		{strings.Repeat("a", 250) + "@b.co", "n", "password", ""},
		{"", "", "", ""},
	} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, email, name, password, role string) {
		n := NewUser{Email: email, Name: name, Password: password, Role: role}
		errs := n.validate()
		for k, msg := range errs {
			if msg == "" {
				t.Fatalf("field %q refused without a message", k)
			}
		}
		if len(errs) > 0 {
			return
		}
		if a, err := mail.ParseAddress(n.Email); err != nil || a.Address != n.Email || n.Email != NormalizeEmail(n.Email) || len(n.Email) > 254 {
			t.Fatalf("address %q accepted as %q", email, n.Email)
		}
		if c := utf8.RuneCountInString(n.Name); c == 0 || c > 100 || n.Name != strings.TrimSpace(n.Name) && n.Name != strings.SplitN(n.Email, "@", 2)[0] {
			t.Fatalf("name %q accepted as %q", name, n.Name)
		}
		if utf8.RuneCountInString(password) < MinPassword || len(password) > MaxPassword || !ValidRole(n.Role) {
			t.Fatalf("password of %d bytes or role %q accepted", len(password), n.Role)
		}
	})
}
