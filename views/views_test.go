package views

import (
	"bytes"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"time"
)

const (
	csrf    = "tok-123"
	hostile = "<script>alert(1)</script>"
	escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
)

func page(title string) Page {
	return Page{Title: title, CSRF: csrf}
}

func ask(typ string, q AskView) QuestionPage {
	q.QuestionID = 42
	q.Type = typ
	return QuestionPage{Page: page("Question 3 of 10"), AttemptID: 7, ArticleID: 3,
		ArticleTitle: "2011 Tabankort raid", Position: 3, Total: 10, Q: q}
}

type renderTest struct {
	name    string
	page    string
	data    any
	want    []string
	notWant []string
	hostile bool // the data carries the hostile string, which must come out escaped
}

var renderTests = []renderTest{
	{
		name: "home/articles",
		page: "home",
		data: HomePage{Page: Page{Title: "Articles", CSRF: csrf, Flash: "Article deleted."}, DefaultCount: 10, Articles: []ArticleItem{
			{ID: 3, Title: "2011 Tabankort raid", Questions: 24, Created: time.Date(2024, 5, 2, 10, 0, 0, 0, time.UTC)},
			{ID: 4, Title: hostile, Questions: 0, Created: time.Date(2024, 5, 3, 10, 0, 0, 0, time.UTC)},
			{ID: 5, Title: "One fact", Questions: 1},
		}},
		want: []string{
			"<title>Articles · factquiz</title>",
			`<div class="flash" role="status">Article deleted.</div>`,
			`<a href="/articles/3">2011 Tabankort raid</a>`,
			"24 questions", `<p class="meta">1 question</p>`, "0 questions",
			`<time datetime="2024-05-02">2 May 2024</time>`,
			`action="/articles/3/attempts"`,
			`<label for="count-3">Questions</label>`,
			`name="count" min="1" max="100" value="10"`,
			"Take a quiz",
			"No questions could be made from this article",
			`href="/articles/new">Add article</a>`,
		},
		notWant: []string{`action="/articles/4/attempts"`, "There are no articles yet"},
		hostile: true,
	},
	{
		name: "home/empty",
		page: "home",
		data: HomePage{Page: page("Articles"), DefaultCount: 10},
		want: []string{"There are no articles yet", `<a href="/articles/new">Add an article</a>`},
		notWant: []string{
			`role="status"`, // no flash box without a flash
			"<form",
		},
	},
	{
		name: "article_new/blank",
		page: "article_new",
		data: NewArticlePage{Page: page("Add an article"), MaxBytes: 2 << 20},
		want: []string{
			`<form class="stack" method="post" action="/articles" enctype="multipart/form-data">`,
			`<label for="text">Article text</label>`,
			`rows="18"`,
			`<input type="file" id="file" name="file" accept=".txt,.md,text/plain`,
			"Paste the whole article here, or leave this empty and upload a file",
			"at most 2 MB.",
			"<code>= Title =</code>", "<code># Title</code>", "<code>- Key: Value</code>", "<code>== Section ==</code>",
		},
		notWant: []string{`role="alert"`, `aria-invalid`},
	},
	{
		name: "article_new/error",
		page: "article_new",
		data: NewArticlePage{Page: page("Add an article"), MaxBytes: 512 << 10, ErrorLine: 12,
			Error: "Heading without a title " + hostile + ".", Text: "= Raid =\n\n== ==\n" + hostile},
		want: []string{
			`<div class="alert" id="article-error" role="alert">`,
			"on line 12",
			`aria-describedby="article-error text-hint" aria-invalid="true"`,
			"= Raid =\n\n== ==\n" + escaped + "</textarea>",
			"at most 512 KB.",
		},
		hostile: true,
	},
	{
		name:    "article_new/error without line",
		page:    "article_new",
		data:    NewArticlePage{Page: page("Add an article"), MaxBytes: 3 << 19, Error: "The text is empty."},
		want:    []string{"could not be added.</strong>", "The text is empty.", "at most 1.5 MB."},
		notWant: []string{"on line"},
	},
	{
		name: "article_new/tiny limit",
		page: "article_new",
		data: NewArticlePage{Page: page("Add an article"), MaxBytes: 800},
		want: []string{"at most 800 bytes."},
	},
	{
		name: "article/just created",
		page: "article",
		data: ArticlePage{Page: page("2011 Tabankort raid"), ID: 3, Title: "2011 Tabankort raid", DefaultCount: 10, JustCreated: true,
			Sections: []SectionView{
				{Anchor: "lead", Level: 2, Paragraphs: []string{"On January 8, 2011, French and Nigerien commandos attempted a rescue.", hostile}},
				{Anchor: "s-kidnapping", Title: "Kidnapping", Level: 2, Paragraphs: []string{"On January 7, 2011, a six-man team raided Niamey."}},
				{Anchor: "s-aftermath-trial", Title: "Trial", Level: 3, Paragraphs: []string{"Nobody was tried."}},
			},
			Questions: []QuestionItem{
				{Type: "multiple_choice", Label: "Multiple choice", Kind: "place", Prompt: "Which city did the jihadists raid on January 7, 2011?",
					Options: []string{"Niamey", "Gao", hostile, "Ouagadougou"}, Answer: "Niamey", Source: "On January 7, 2011, a six-man team raided Niamey."},
				{Type: "true_false", Label: "True or false", Prompt: hostile, Answer: "True", Source: "Nobody was tried."},
			}},
		want: []string{
			"<h1>2011 Tabankort raid</h1>",
			`action="/articles/3/attempts"`,
			`<a href="#lead">Introduction</a>`,
			`<a href="#s-kidnapping">Kidnapping</a>`,
			`<section id="lead" class="article-section">`,
			`<h2 id="h-s-kidnapping">Kidnapping</h2>`,
			`<h3 id="h-s-aftermath-trial">Trial</h3>`,
			"<p>On January 7, 2011, a six-man team raided Niamey.</p>",
			"<details open>",
			"2 questions generated",
			"Multiple choice", "<li>Ouagadougou</li>", "<strong>Niamey</strong>",
			`<blockquote class="source">On January 7, 2011, a six-man team raided Niamey.</blockquote>`,
		},
		hostile: true,
	},
	{
		name: "article/no questions",
		page: "article",
		data: ArticlePage{Page: page("Stub"), ID: 9, Title: "Stub", DefaultCount: 10,
			Sections: []SectionView{{Anchor: "lead", Paragraphs: []string{"Short."}}}},
		want:    []string{"No questions could be made from this article", "<p>Short.</p>"},
		notWant: []string{"<form", "<details", "Take a quiz", "Contents"},
	},
	{
		name: "question/multiple choice",
		page: "question",
		data: ask("multiple_choice", AskView{Label: "Multiple choice", Prompt: "Which city did the jihadists raid?",
			Options: []string{"Niamey", "Gao", hostile, "Ouagadougou"}, Given: "Gao"}),
		want: []string{
			"Question 3 of 10", `<progress max="10" value="3"`,
			`<a href="/articles/3">2011 Tabankort raid</a>`,
			`action="/attempts/7/answers"`,
			`<input type="hidden" name="question_id" value="42">`,
			`<legend><h1 class="prompt" id="prompt">Which city did the jihadists raid?</h1></legend>`,
			`<input type="radio" id="answer-0" name="answer" value="Niamey" required aria-keyshortcuts="1">`,
			`value="Gao" checked aria-keyshortcuts="2"`,
			`<kbd class="keyhint" aria-hidden="true">4</kbd>`,
			"Check answer",
		},
		notWant: []string{`role="alert"`},
		hostile: true,
	},
	{
		name: "question/true false",
		page: "question",
		data: ask("true_false", AskView{Label: "True or false", Prompt: "The raid began at 11 a.m. " + hostile}),
		want: []string{
			`<h1 class="prompt" id="prompt">The raid began at 11 a.m. ` + escaped + `</h1>`,
			`type="submit" name="answer" value="true"`, "True</button>",
			`type="submit" name="answer" value="false"`, "False</button>",
			`<kbd class="keyhint" aria-hidden="true">T</kbd>`, `<kbd class="keyhint" aria-hidden="true">F</kbd>`,
		},
		notWant: []string{"Check answer", `type="radio"`},
		hostile: true,
	},
	{
		name: "question/fill blank with error",
		page: "question",
		data: func() QuestionPage {
			p := ask("fill_blank", AskView{Label: "Fill in the blank", Prompt: "The jihadists reached _____ aboard a Toyota Land Cruiser.", Given: hostile})
			p.Error = "Please write an answer."
			return p
		}(),
		want: []string{
			`<div class="alert" id="answer-error" role="alert"><p>Please write an answer.</p></div>`,
			`<label for="answer">Your answer</label>`,
			`<input type="text" id="answer" name="answer" value="` + escaped + `" autocomplete="off"`,
			"autofocus required",
			`aria-describedby="prompt answer-error"`,
		},
		hostile: true,
	},
	{
		name: "question/numeric",
		page: "question",
		data: ask("numeric", AskView{Label: "Number", Prompt: "How many men did Frederic Beth mobilize?"}),
		want: []string{
			`<input type="text" inputmode="decimal" id="answer" name="answer"`,
			`<label for="answer">Your answer (a number)</label>`,
		},
		notWant: []string{`type="number"`},
	},
	{
		name: "question/ordering",
		page: "question",
		data: ask("ordering", AskView{Label: "Put in order", Prompt: "Put these events in order.",
			Items: []string{"The kidnapping in Niamey", "The raid near Tabankort", hostile}}),
		want: []string{
			"Put the events in order, earliest first",
			`<label for="order_1">First (earliest)</label>`,
			`<select id="order_1" name="order_1" required>`,
			`<label for="order_3">Place 3 (latest)</label>`,
			`<option value="">Choose…</option>`,
			`<option value="The raid near Tabankort">The raid near Tabankort</option>`,
		},
		notWant: []string{`name="order_0"`, `name="order_4"`},
		hostile: true,
	},
	{
		name: "question/matching",
		page: "question",
		data: ask("matching", AskView{Label: "Matching", Prompt: "Match each person to their role.",
			Lefts: []string{"Frederic Beth", hostile}, Options: []string{"Head of the COS", "Defense Minister"}}),
		want: []string{
			`<label for="match_0">Frederic Beth</label>`,
			`<select id="match_1" name="match_1" required>`,
			`<option value="Defense Minister">Defense Minister</option>`,
		},
		notWant: []string{`name="match_2"`},
		hostile: true,
	},
	{
		name: "feedback/right",
		page: "feedback",
		data: FeedbackPage{Page: page("Right"), AttemptID: 7, ArticleID: 3, Position: 3, Total: 10, Correct: true,
			Prompt: "Which city did the jihadists raid?", YourAnswer: "Niamey", RightAnswer: "Niamey",
			Source:       Marked{Before: "On January 7, 2011, a six-man team raided ", Mark: "Niamey", After: "."},
			SectionTitle: "Kidnapping", SectionLink: "/articles/3#s-kidnapping", NextURL: "/attempts/7/questions/4"},
		want: []string{
			`role="status"`, "✓</span> Right",
			"Your answer:", "Right answer:",
			"<blockquote class=\"source\">On January 7, 2011, a six-man team raided <mark>Niamey</mark>.</blockquote>",
			`<a href="/articles/3#s-kidnapping">Read it in the article (Kidnapping)</a>`,
			`<a class="button primary next" href="/attempts/7/questions/4" data-next>Next question</a>`,
			"Question 3 of 10",
		},
		notWant: []string{"✗", "See results"},
	},
	{
		name: "feedback/wrong and finished",
		page: "feedback",
		data: FeedbackPage{Page: page("Wrong"), AttemptID: 7, ArticleID: 3, Position: 10, Total: 10,
			Prompt: hostile, YourAnswer: hostile, RightAnswer: "Ouallam",
			Source:      Marked{Before: hostile, Mark: "Ouallam", After: " at 3am."},
			SectionLink: "/articles/3#lead", NextURL: "/attempts/7/results", Finished: true},
		want: []string{
			"✗</span> Wrong",
			"<strong>Ouallam</strong>",
			escaped + "<mark>Ouallam</mark> at 3am.",
			"Read it in the article (Introduction)",
			`href="/attempts/7/results" data-next>See results</a>`,
		},
		notWant: []string{"✓", "Next question"},
		hostile: true,
	},
	{
		name: "results",
		page: "results",
		data: ResultsPage{Page: page("Results"), AttemptID: 7, ArticleID: 3, ArticleTitle: hostile,
			Score: 7, Total: 10, Percent: 70, Duration: "3 min 12 s", Count: 10, Items: []ResultItem{
				{Position: 1, Prompt: "Which city did the jihadists raid?", YourAnswer: "Niamey", RightAnswer: "Niamey", Correct: true, Answered: true},
				{Position: 2, Prompt: hostile, YourAnswer: hostile, RightAnswer: "Ouallam", Answered: true},
				{Position: 3, Prompt: "When did the raid begin?", RightAnswer: "11 a.m."},
			}},
		want: []string{
			"7/10 (70 %)", "Time taken: 3 min 12 s",
			"<td>Niamey</td>", "<em>not answered</em>", "<td>11 a.m.</td>",
			"✓</span> Right", "✗</span> Wrong",
			`action="/articles/3/attempts"`, `<input type="hidden" name="count" value="10">`, "Try again",
			`<button class="button" type="button" disabled>Review as flashcards (coming soon)</button>`,
			`<a href="/articles/3">Back to the article</a>`,
		},
		hostile: true,
	},
	{
		name:    "error",
		page:    "error",
		data:    ErrorPage{Page: page("Error 404"), Status: 404, Message: "There is no page at /articles/" + hostile + "."},
		want:    []string{"<title>Error 404 · factquiz</title>", "<h1>Page not found</h1>", "Error 404", `<a class="button" href="/">Go to the home page</a>`},
		hostile: true,
	},
}

func TestRender(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatalf("NewRenderer: %v", err)
	}
	for _, tt := range renderTests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := r.Render(&buf, tt.page, tt.data); err != nil {
				t.Fatalf("Render: %v", err)
			}
			out := buf.String()
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q", w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(out, w) {
					t.Errorf("output has %q", w)
				}
			}
			if tt.hostile && !strings.Contains(out, escaped) {
				t.Errorf("output lacks the escaped hostile string %q", escaped)
			}
			checkPage(t, out)
			if t.Failed() {
				t.Logf("output:\n%s", out)
			}
		})
	}
}

var (
	postForm   = regexp.MustCompile(`(?s)<form[^>]*method="post"[^>]*>.*?</form>`)
	scriptTag  = regexp.MustCompile(`<script[^>]*>`)
	inlineAttr = regexp.MustCompile(`\s(style|on[a-z]+)=`)
	idAttr     = regexp.MustCompile(`\sid="([^"]*)"`)
	labelFor   = regexp.MustCompile(`<label[^>]*\sfor="([^"]*)"`)
	control    = regexp.MustCompile(`<(input|select|textarea)\b[^>]*>`)
	typeAttr   = regexp.MustCompile(`\stype="([^"]*)"`)
)

// checkPage asserts what every page must be: the layout's document, CSRF
// tokens in POST forms, nothing a strict Content-Security-Policy would
// block, no unescaped script, and a label for every control.
func checkPage(t *testing.T, out string) {
	t.Helper()
	if !strings.HasPrefix(out, "<!DOCTYPE html>\n") {
		t.Errorf("page starts with %.20q, not the doctype", out)
	}
	for _, w := range []string{
		`<html lang="en">`,
		`<meta name="viewport" content="width=device-width, initial-scale=1">`,
		`<link rel="stylesheet" href="/static/app.css">`,
		`<script src="/static/app.js" defer></script>`,
		`<a class="skip-link" href="#main">`, `<main id="main"`,
		`<a class="site-name" href="/">factquiz</a>`, `<a href="/articles/new">Add article</a>`,
	} {
		if !strings.Contains(out, w) {
			t.Errorf("page lacks %q", w)
		}
	}
	if strings.Contains(out, "<script>alert") {
		t.Error("page has an unescaped <script>alert")
	}
	for _, tag := range scriptTag.FindAllString(out, -1) {
		if !strings.Contains(tag, " src=") {
			t.Errorf("inline script %s", tag)
		}
	}
	if m := inlineAttr.FindString(out); m != "" {
		t.Errorf("inline style or event handler attribute %q", m)
	}
	for _, form := range postForm.FindAllString(out, -1) {
		if !strings.Contains(form, `<input type="hidden" name="_csrf" value="`+csrf+`">`) {
			t.Errorf("POST form without _csrf: %.120s", form)
		}
	}

	ids := map[string]bool{}
	for _, m := range idAttr.FindAllStringSubmatch(out, -1) {
		if ids[m[1]] {
			t.Errorf("duplicate id %q", m[1])
		}
		ids[m[1]] = true
	}
	labelled := map[string]bool{}
	for _, m := range labelFor.FindAllStringSubmatch(out, -1) {
		if !ids[m[1]] {
			t.Errorf("label for missing id %q", m[1])
		}
		labelled[m[1]] = true
	}
	for _, tag := range control.FindAllString(out, -1) {
		if typ := typeAttr.FindStringSubmatch(tag); typ != nil && (typ[1] == "hidden" || typ[1] == "submit") {
			continue
		}
		id := idAttr.FindStringSubmatch(tag)
		if id == nil || !labelled[id[1]] {
			t.Errorf("control without a label: %s", tag)
		}
	}
}

func TestRenderUnknownPage(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Render(&bytes.Buffer{}, "nope", Page{}); err == nil {
		t.Error("Render of an unknown page succeeded")
	}
}

func TestStatic(t *testing.T) {
	for _, name := range []string{"app.css", "app.js"} {
		b, err := fs.ReadFile(Static(), name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(b) == 0 {
			t.Errorf("%s is empty", name)
		}
		// The page must load nothing from elsewhere.
		for _, ext := range []string{"http://", "https://", "@import", "url("} {
			if bytes.Contains(b, []byte(ext)) {
				t.Errorf("%s refers to an external resource (%s)", name, ext)
			}
		}
	}
}

func TestMaxSize(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		bytes int
		want  string
	}{
		{0, "0 bytes"},
		{1023, "1023 bytes"},
		{1024, "1 KB"},
		{100 << 10, "100 KB"},
		{1<<20 - 1, "1023 KB"},
		{1 << 20, "1 MB"},
		{2 << 20, "2 MB"},
		{5<<20 + 300<<10, "5.3 MB"}, // 5.29 rounds up
		{64 << 20, "64 MB"},
	} {
		t.Run(tt.want, func(t *testing.T) {
			var buf bytes.Buffer
			if err := r.Render(&buf, "article_new", NewArticlePage{Page: page("Add an article"), MaxBytes: tt.bytes}); err != nil {
				t.Fatal(err)
			}
			if want := "at most " + tt.want + "."; !strings.Contains(buf.String(), want) {
				t.Errorf("MaxBytes %d: output lacks %q", tt.bytes, want)
			}
		})
	}
}
