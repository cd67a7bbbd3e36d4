package views

import (
	"bytes"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"factquiz/questions"
)

const (
	csrf    = "tok-123"
	hostile = "<script>alert(1)</script>"
	escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
)

func page(title string) Page {
	return Page{Title: title, CSRF: csrf}
}

// The signed-in users of the tests, one per role; the learner's name is
// hostile, since the header prints it on every page.
var (
	learner    = &User{ID: 1, Name: "Ada " + hostile, Email: "ada@example.com", Role: RoleLearner}
	instructor = &User{ID: 2, Name: "Grace", Email: "grace@example.com", Role: RoleInstructor}
	admin      = &User{ID: 3, Name: "Root", Email: "root@example.com", Role: RoleAdmin}
)

func as(u *User, title string) Page {
	return Page{Title: title, CSRF: csrf, User: u}
}

// What the header shows to guests, to anyone signed in, to instructors
// and to admins.
var (
	guestNav  = []string{`<a href="/signup">Sign up</a>`, `">Log in</a>`}
	memberNav = []string{
		`<a href="/dashboard">Dashboard</a>`,
		`<a class="nav__user" href="/profile">`,
		`<form class="nav__logout" method="post" action="/logout">`,
		`<button class="link-button" type="submit">Log out</button>`,
	}
	instructorNav = []string{`<a href="/articles/new">Add article</a>`, `<a href="/bank">Questions</a>`, `<a href="/quizzes">Quizzes</a>`, `<a href="/learners">Learners</a>`}
	adminNav      = []string{`<a href="/admin/users">Users</a>`}
)

// all joins lists of expected strings.
func all(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

var (
	day1 = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	day3 = time.Date(2026, 11, 3, 18, 30, 0, 0, time.UTC)
)

func ask(typ string, q AskView) QuestionPage {
	q.QuestionID = 42
	q.Type = typ
	if info, ok := questions.Lookup(questions.Type(typ)); ok {
		q.Input = string(info.Input)
	}
	return QuestionPage{Page: page("Question 3 of 10"), AttemptID: 7, ArticleID: 3,
		ArticleTitle: "2011 Tabankort raid", Position: 3, Total: 10, Q: q, TimeLeft: -1}
}

// timed is p with seconds left on the clock.
func timed(p QuestionPage, seconds int) QuestionPage {
	p.TimeLeft = seconds
	return p
}

// deckArticle is an article page with questions, showing deck.
func deckArticle(p Page, deck DeckState) ArticlePage {
	return ArticlePage{Page: p, ID: 3, Title: "Raid", DefaultCount: 10, Deck: deck, Practice: 1,
		Sections:  []SectionView{{Anchor: "lead", Level: 2, Paragraphs: []string{"They reached Niamey."}}},
		Questions: []QuestionItem{{Type: "fill_blank", Label: "Fill in the blank", Prompt: "They reached _____.", Answer: "Niamey"}}}
}

// The choices the bank's selects and the question form offer.
var (
	bankTypes = []Choice{{"multiple_choice", "Multiple choice"}, {"multiple_answer", "Multiple answers"},
		{"true_false", "True or false"}, {"fill_blank", "Fill in the blank"}, {"numeric", "Number"},
		{"ordering", "Put in order"}, {"matching", "Matching"}}
	bankStatuses = []Choice{{"generated", "Generated"}, {"approved", "Approved"}, {"retired", "Retired"}}
	bankOrigins  = []Choice{{"generated", "Generated"}, {"manual", "Written here"}, {"imported", "Imported"}}
)

// bankPage is page 2 of 3 of the bank, filtered to article 3.
func bankPage() BankPage {
	return BankPage{Page: as(instructor, "Questions"),
		Filter: BankFilter{ArticleID: 3, Type: "fill_blank", Status: "approved", Origin: "manual", Tag: "dates", Search: "Nia " + hostile},
		Total:  120, PageNum: 2, Pages: 3,
		PrevURL:  "/bank?article=3&type=fill_blank",
		NextURL:  "/bank?article=3&page=3&type=fill_blank",
		Query:    "article=3&page=2&type=fill_blank",
		Articles: []ArticleItem{{ID: 3, Title: "Raid"}, {ID: 4, Title: hostile}},
		Types:    bankTypes, Statuses: bankStatuses, Origins: bankOrigins,
		Tags:    []string{"dates", "people " + hostile},
		Article: &BankArticle{ID: 3, Title: "Raid", LearnersSee: "approved"},
		Questions: []BankItem{
			{ID: 11, ArticleID: 3, ArticleTitle: "Raid", Type: "fill_blank", Label: "Fill in the blank", Prompt: "They reached _____.",
				Answer: "Niamey", Status: "approved", Origin: "manual", Tags: []string{"dates", "places " + hostile}},
			{ID: 12, ArticleID: 3, ArticleTitle: "Raid", Type: "true_false", Label: "True or false", Prompt: hostile,
				Answer: "false " + hostile, Status: "generated", Origin: "generated"},
			{ID: 13, ArticleID: 3, ArticleTitle: "Raid", Type: "numeric", Label: "Number", Prompt: "How many?",
				Answer: "12", Status: "retired", Origin: "imported"},
		}}
}

// questionFields are the names of the fields each question type has
// beyond those every question has.
var questionFields = map[string][]string{
	"multiple_choice": {`name="option_1"`, `name="right"`, `name="option_feedback_1"`},
	"multiple_answer": {`name="option_1"`, `name="weight_1"`, `name="option_feedback_1"`},
	"true_false":      {`name="truth"`},
	"fill_blank":      {`name="answer"`, `name="accepted"`},
	"numeric":         {`name="answer"`, `name="tolerance"`},
	"ordering":        {`name="items"`},
	"matching":        {`name="pairs"`},
}

// fieldsBut lists the fields of the types other than typ that typ lacks,
// and the select of a new question's type.
func fieldsBut(typ string) []string {
	out := []string{`<select id="type"`}
	for other, names := range questionFields {
		if other == typ {
			continue
		}
		for _, n := range names {
			if !slices.Contains(questionFields[typ], n) {
				out = append(out, n, `data-type="`+other+`"`)
			}
		}
	}
	return out
}

// editQuestion is the form to edit question 11, of type typ, of article 3.
func editQuestion(typ string, f QuestionForm) QuestionForm {
	f.Page = as(instructor, "Edit question")
	f.ID, f.ArticleID, f.ArticleTitle, f.Type = 11, 3, "Raid", typ
	f.TypeLabel = map[string]string{"multiple_choice": "Multiple choice", "multiple_answer": "Multiple answers", "true_false": "True or false",
		"fill_blank": "Fill in the blank", "numeric": "Number", "ordering": "Put in order", "matching": "Matching"}[typ]
	if f.Prompt == "" {
		f.Prompt = "Prompt of " + typ
	}
	return f
}

// editQuestionWant is what every form to edit question 11 of type typ has.
func editQuestionWant(typ, label string, more ...string) []string {
	return append([]string{
		"<h1>Edit question</h1>",
		`<p class="meta">In <a href="/articles/3">Raid</a></p>`,
		`<form class="question-form" method="post" action="/questions/11">`,
		`<input type="hidden" name="article" value="3">`,
		`<input type="hidden" name="type" value="` + typ + `">`,
		`<strong>Type:</strong> ` + label + `</p>`,
		`data-type="` + typ + `"`,
		">Prompt of " + typ + "</textarea>",
		`<a href="/bank?article=3">Cancel</a>`,
	}, more...)
}

// oneSection checks that a form to edit a question shows one type's
// fieldset.
func oneSection(t *testing.T, out string) {
	if n := strings.Count(out, "data-type="); n != 1 {
		t.Errorf("%d type fieldsets, want 1", n)
	}
}

// quizFields are the fields of every quiz settings form.
var quizFields = []string{
	`name="name"`, `name="mode" value="chosen"`, `name="mode" value="rule"`, `name="rule_count"`, `<legend class="label">From the articles</legend>`,
	`name="rule_tag"`, `name="shuffle_questions"`, `name="shuffle_options"`, `name="time_limit"`, `name="attempts_allowed"`,
	`name="feedback_mode" value="each"`, `name="feedback_mode" value="end"`, `name="feedback_mode" value="never"`,
	`type="datetime-local" id="opens-at" name="opens_at"`, `type="datetime-local" id="closes-at" name="closes_at"`, `name="pass_mark"`,
}

// contestFeedback is the feedback page of question 4 of attempt 7, a
// typed answer, showing contest.
func contestFeedback(p Page, correct bool, contest ContestView) FeedbackPage {
	return FeedbackPage{Page: p, AttemptID: 7, ArticleID: 3, Position: 4, Total: 10, Correct: correct,
		Prompt: "They reached _____.", YourAnswer: "Niamey, Niger", RightAnswer: "Niamey",
		Source: Marked{Before: "They reached ", Mark: "Niamey", After: "."}, SectionLink: "/articles/3#lead",
		NextURL: "/attempts/7", Contest: contest}
}

type renderTest struct {
	name    string
	page    string
	data    any
	want    []string
	notWant []string
	hostile bool                           // the data carries the hostile string, which must come out escaped
	check   func(t *testing.T, out string) // what strings alone cannot say
}

var renderTests = []renderTest{
	{
		name: "home/articles",
		page: "home",
		data: HomePage{Page: Page{Title: "Articles", CSRF: csrf, Flash: "Article deleted.", User: instructor}, DefaultCount: 10, Articles: []ArticleItem{
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
		notWant: []string{`action="/articles/4/attempts"`, "There are no articles yet", "home-quizzes-heading", "/q/"},
		hostile: true,
	},
	{
		name: "home/empty",
		page: "home",
		data: HomePage{Page: as(instructor, "Articles"), DefaultCount: 10},
		want: []string{"There are no articles yet", `<a href="/articles/new">Add an article</a>`},
		notWant: []string{
			`role="status"`, // no flash box without a flash
			`<form class="quiz-form"`,
			"An instructor adds them",
		},
	},
	{
		name:    "home/empty guest",
		page:    "home",
		data:    HomePage{Page: page("Articles"), DefaultCount: 10},
		want:    []string{"There are no articles yet", "An instructor adds them"},
		notWant: []string{"/articles/new", "<form"},
	},
	{
		name: "home/learner",
		page: "home",
		data: HomePage{Page: as(learner, "Articles"), DefaultCount: 10, Articles: []ArticleItem{
			{ID: 3, Title: "2011 Tabankort raid", Questions: 24},
		}},
		want:    []string{`action="/articles/3/attempts"`, "Take a quiz"},
		notWant: []string{"/articles/new"},
		hostile: true, // the learner's name in the header
	},
	{
		name: "nav/guest",
		page: "home",
		data: HomePage{Page: Page{Title: "Articles", CSRF: csrf, Path: "/articles/3?count=5&x=" + hostile}, DefaultCount: 10},
		want: all(guestNav, []string{
			`<a href="/">Home</a>`,
			`<a href="/login?next=%2Farticles%2F3%3Fcount%3D5%26x%3D%3Cscript%3Ealert%281%29%3C%2Fscript%3E">Log in</a>`,
		}),
		notWant: []string{"/dashboard", "/profile", "/logout", "Log out", "/articles/new", "/learners", "/admin/users"},
	},
	{
		name:    "nav/guest without path",
		page:    "home",
		data:    HomePage{Page: page("Articles"), DefaultCount: 10},
		want:    all(guestNav, []string{`<a href="/login">Log in</a>`}),
		notWant: []string{"?next="},
	},
	{
		name: "nav/learner",
		page: "home",
		data: HomePage{Page: as(learner, "Articles"), DefaultCount: 10},
		want: all(memberNav, []string{
			`<a class="nav__user" href="/profile">Ada ` + escaped + `</a>`,
			`<input type="hidden" name="_csrf" value="` + csrf + `">`,
		}),
		notWant: all(guestNav, instructorNav, adminNav),
		hostile: true,
	},
	{
		name:    "nav/instructor",
		page:    "home",
		data:    HomePage{Page: as(instructor, "Articles"), DefaultCount: 10},
		want:    all(memberNav, instructorNav, []string{`href="/profile">Grace</a>`}),
		notWant: all(guestNav, adminNav),
	},
	{
		name:    "nav/admin",
		page:    "error",
		data:    ErrorPage{Page: as(admin, "Error 500"), Status: 500, Message: "Oops."},
		want:    all(memberNav, instructorNav, adminNav, []string{`href="/profile">Root</a>`}),
		notWant: guestNav,
	},
	{
		name: "login/blank",
		page: "login",
		data: LoginPage{Page: Page{Title: "Log in", CSRF: csrf, Path: "/login?next=%2Fdashboard"}, Next: "/dashboard"},
		want: []string{
			"<h1>Log in</h1>",
			`<form class="stack" method="post" action="/login">`,
			`<input type="hidden" name="next" value="/dashboard">`,
			`<label for="email">Email</label>`,
			`<input type="email" id="email" name="email" value="" autocomplete="email"`,
			`<label for="password">Password</label>`,
			`<input type="password" id="password" name="password" autocomplete="current-password" required>`,
			`<button class="button primary" type="submit">Log in</button>`,
			`<a href="/signup?next=%2Fdashboard">Sign up</a>`,
		},
		notWant: []string{`role="alert"`, "aria-invalid"},
	},
	{
		name: "login/error",
		page: "login",
		data: LoginPage{Page: page("Log in"), Email: hostile, Next: hostile, Error: "Wrong email or password."},
		want: []string{
			`<div class="alert" id="login-error" role="alert"><p>Wrong email or password.</p></div>`,
			`name="email" value="` + escaped + `"`,
			`<input type="hidden" name="next" value="` + escaped + `">`,
			`aria-describedby="login-error" aria-invalid="true"`,
			`<a href="/signup?next=%3Cscript%3Ealert%281%29%3C%2Fscript%3E">Sign up</a>`,
		},
		hostile: true,
	},
	{
		name: "signup/blank",
		page: "signup",
		data: SignupPage{Page: Page{Title: "Sign up", CSRF: csrf, Path: "/signup"}, MinPassword: 12},
		want: []string{
			"<h1>Sign up</h1>",
			`<form class="stack" method="post" action="/signup">`,
			`<input type="hidden" name="next" value="">`,
			`<input type="email" id="email" name="email" value="" autocomplete="email"`,
			`<input type="text" id="name" name="name" value="" autocomplete="name" required`,
			`<input type="password" id="password" name="password" autocomplete="new-password" required minlength="12"`,
			`aria-describedby="password-hint">`,
			"At least 12 characters.",
			`<button class="button primary" type="submit">Sign up</button>`,
			`<a href="/login">Log in</a>`,
		},
		notWant: []string{`role="alert"`, "aria-invalid", "as a guest", "-error"},
	},
	{
		name: "signup/errors",
		page: "signup",
		data: SignupPage{Page: page("Sign up"), Email: hostile, Name: hostile, Next: "/articles/3", GuestAttempts: 3, MinPassword: 12,
			Errors: map[string]string{"email": "Not an email address: " + hostile, "name": "Please give a name.", "password": "Too short."}},
		want: []string{
			`<div class="alert" id="signup-error" role="alert">`,
			"The 3 quizzes you took as a guest on this browser will be kept in your new account.",
			`<input type="hidden" name="next" value="/articles/3">`,
			`<p class="field-error" id="email-error"><span class="visually-hidden">Error: </span>Not an email address: ` + escaped + `</p>`,
			`name="email" value="` + escaped + `"`,
			`aria-describedby="email-error" aria-invalid="true"`,
			`<p class="field-error" id="name-error"><span class="visually-hidden">Error: </span>Please give a name.</p>`,
			`aria-describedby="name-error name-hint" aria-invalid="true"`,
			`<p class="field-error" id="password-error"><span class="visually-hidden">Error: </span>Too short.</p>`,
			`aria-describedby="password-error password-hint" aria-invalid="true"`,
			`<a href="/login?next=%2Farticles%2F3">Log in</a>`,
		},
		hostile: true,
	},
	{
		name:    "signup/one guest quiz",
		page:    "signup",
		data:    SignupPage{Page: page("Sign up"), GuestAttempts: 1, MinPassword: 12, Errors: map[string]string{"password": "Too short."}},
		want:    []string{"The 1 quiz you took as a guest", `aria-describedby="password-error password-hint" aria-invalid="true"`},
		notWant: []string{"email-error", "name-error", "1 quizzes"},
	},
	{
		name: "profile/tokens",
		page: "profile",
		data: ProfilePage{Page: as(learner, "Your account"), MinPassword: 12, NewToken: "fq_s3cr3t",
			Tokens: []TokenItem{
				{ID: 5, Name: hostile, Hint: "ab12", Created: day1},
				{ID: 6, Name: "laptop", Hint: "cd34", Created: day1, LastUsed: day3},
			}},
		want: all(memberNav, []string{
			"<h1>Your account</h1>",
			"<dd>Ada " + escaped + "</dd>", "<dd>ada@example.com</dd>", "<dd>Learner</dd>",
			`<form class="stack" method="post" action="/profile/password">`,
			`<input type="password" id="current" name="current" autocomplete="current-password" required>`,
			`<input type="password" id="password" name="password" autocomplete="new-password" required minlength="12"`,
			`<button class="button primary" type="submit">Change password</button>`,
			"Authorization: Bearer &lt;token&gt;", "/api/me",
			`<label for="new-token">Your new token</label>`,
			`<input type="text" id="new-token" value="fq_s3cr3t" readonly`,
			"Copy it now: it is not shown again.",
			"<td>" + escaped + "</td>", "<code>…ab12</code>", "<code>…cd34</code>",
			`<time datetime="2026-11-01">1 Nov 2026</time>`,
			"<td>never</td>", `<time datetime="2026-11-03">3 Nov 2026</time>`,
			`<form method="post" action="/profile/tokens/5/delete">`,
			`<form method="post" action="/profile/tokens/6/delete">`,
			`Revoke<span class="visually-hidden"> laptop</span></button>`,
			`method="post" action="/profile/tokens"`,
			`<label for="token-name">Token name</label>`,
			`<input type="text" id="token-name" name="name"`,
			`<button class="button" type="submit">Create token</button>`,
		}),
		notWant: []string{"You have no API tokens", "aria-invalid", `role="alert"`},
		hostile: true,
	},
	{
		name: "profile/errors",
		page: "profile",
		data: ProfilePage{Page: as(instructor, "Your account"), MinPassword: 12,
			Errors: map[string]string{"current": "That is not your password.", "password": "Too short: " + hostile, "token_name": "Please name the token."}},
		want: []string{
			"<dd>Instructor</dd>",
			`<p class="field-error" id="current-error"><span class="visually-hidden">Error: </span>That is not your password.</p>`,
			`aria-describedby="current-error" aria-invalid="true"`,
			"Too short: " + escaped,
			`aria-describedby="password-error password-hint" aria-invalid="true"`,
			`<p class="field-error" id="token-name-error"><span class="visually-hidden">Error: </span>Please name the token.</p>`,
			`aria-describedby="token-name-error token-name-hint" aria-invalid="true"`,
			"You have no API tokens.",
		},
		notWant: []string{"Copy it now", "<table", "/delete"},
		hostile: true,
	},
	{
		name: "users",
		page: "users",
		data: UsersPage{Page: as(admin, "Users"), Roles: []string{RoleLearner, RoleInstructor, RoleAdmin}, Users: []UserItem{
			{ID: 3, Name: "Root", Email: "root@example.com", Role: RoleAdmin, Created: day1, Self: true},
			{ID: 7, Name: hostile, Email: "eve" + hostile + "@example.com", Role: RoleInstructor, Created: day3},
			{ID: 8, Name: "Ada", Email: "ada@example.com", Role: RoleLearner, Created: day3},
		}},
		want: all(adminNav, []string{
			`<h1 id="users-heading">Users</h1>`,
			`<th scope="row">Root <span class="meta">(you)</span></th>`,
			`<th scope="row">` + escaped + `</th>`,
			"<td>eve" + escaped + "@example.com</td>",
			`<form class="inline-form" method="post" action="/admin/users/3/role">`,
			`<form class="inline-form" method="post" action="/admin/users/7/role">`,
			`<form class="inline-form" method="post" action="/admin/users/8/role">`,
			`<label class="visually-hidden" for="role-7">Role of ` + escaped + `</label>`,
			`<select id="role-7" name="role">`,
			`<option value="learner">Learner</option>`,
			`Save<span class="visually-hidden"> the role of Ada</span></button>`,
			`<time datetime="2026-11-03">3 Nov 2026</time>`,
		}),
		hostile: true,
		check: func(t *testing.T, out string) {
			if n := strings.Count(out, "(you)"); n != 1 {
				t.Errorf("(you) %d times, want once", n)
			}
			for id, role := range map[string]string{"3": RoleAdmin, "7": RoleInstructor, "8": RoleLearner} {
				sel := regexp.MustCompile(`(?s)<select id="role-` + id + `".*?</select>`).FindString(out)
				if strings.Count(sel, " selected") != 1 || !strings.Contains(sel, `<option value="`+role+`" selected>`) {
					t.Errorf("user %s: the select does not have just %s selected: %s", id, role, sel)
				}
			}
		},
	},
	{
		name: "learners",
		page: "learners",
		data: LearnersPage{Page: as(instructor, "Learners"), Learners: []LearnerItem{
			{ID: 9, Name: hostile, Email: "ada@example.com", Attempts: 12, Answers: 96, Percent: 71, Streak: 3, LastStudied: day3},
			{ID: 10, Name: "Bob", Email: "bob" + hostile, Attempts: 1, Answers: 4, Percent: 25, Streak: 1, LastStudied: day1},
			{ID: 11, Name: "Cy", Email: "cy@example.com"},
		}},
		want: all(instructorNav, []string{
			`<h1 id="learners-heading">Learners</h1>`,
			`<th scope="row"><a href="/learners/9">` + escaped + `</a></th>`,
			`<a href="/learners/11">Cy</a>`,
			"<td>bob" + escaped + "</td>",
			`<td class="num">12</td>`, `<td class="num">96</td>`, `<td class="num">71%</td>`,
			`<td class="num">3 days</td>`, `<td class="num">1 day</td>`, `<td class="num">0 days</td>`,
			`<td class="num">—</td>`,
			`<time datetime="2026-11-03">3 Nov 2026</time>`,
			"<td>never</td>",
			`<div class="table-wrap" role="region" aria-labelledby="learners-heading" tabindex="0">`,
		}),
		notWant: []string{"No learners have signed up yet"},
		hostile: true,
	},
	{
		name:    "learners/empty",
		page:    "learners",
		data:    LearnersPage{Page: as(admin, "Learners")},
		want:    []string{"No learners have signed up yet."},
		notWant: []string{"<table"},
	},
	{
		name: "dashboard/own",
		page: "dashboard",
		data: DashboardPage{Page: as(learner, "Your progress"), Learner: *learner, Own: true,
			Totals: Totals{Attempts: 5, Finished: 3, Answers: 40, Correct: 30, Percent: 75, Articles: 2, DaysActive: 6, Streak: 3},
			Chart: NewChart([]ScorePoint{
				{At: day1, Percent: 40, Label: "2011 Tabankort raid", URL: "/attempts/1/results"},
				{At: day1, Percent: 70, Label: hostile, URL: "/attempts/2/results"},
				{At: day3, Percent: 90, Label: "2011 Tabankort raid", URL: "/attempts/4/results"},
			}, 640, 240),
			Articles: []ArticleProgress{
				{ArticleID: 3, Title: "2011 Tabankort raid", Attempts: 3, Best: 90, Last: 90, Scored: true, Mastery: 60, Facts: 10, Mastered: 6, LastStudied: day3},
				{ArticleID: 4, Title: hostile, Attempts: 2, Mastery: 0, Facts: 1, LastStudied: day1},
			},
			Weak: []WeakSpot{
				{QuestionID: 11, ArticleID: 3, ArticleTitle: "2011 Tabankort raid", Prompt: "Which city did the jihadists raid?", RightAnswer: "Niamey",
					Source: "On January 7, 2011, a six-man team raided Niamey " + hostile, SectionLink: "/articles/3#s-kidnapping", Misses: 2, Tries: 3, LastRight: true},
				{QuestionID: 12, ArticleID: 4, ArticleTitle: hostile, Prompt: hostile, RightAnswer: "Ouallam", SectionLink: "/articles/4#lead", Misses: 1, Tries: 1},
			}},
		want: all(memberNav, []string{
			"<title>Your progress · factquiz</title>",
			"<h1>Your progress</h1>",
			`<span class="stat__value">5</span>`, `<span class="stat__label">quizzes</span>`, "3 finished",
			`<span class="stat__value">40</span>`, "30 right",
			`<span class="stat__value">75%</span>`,
			`<span class="stat__label">articles studied</span>`,
			`<span class="stat__label">days in a row</span>`, "answer a question today to keep it",
			`<span class="stat__label">days active</span>`,
			`<svg class="chart__svg" viewBox="0 0 640 240" role="img" aria-labelledby="chart-summary">`,
			`<figcaption id="chart-summary">3 finished quizzes from 1 Nov 2026 to 3 Nov 2026: the first scored 40%, the latest 90%, the best 90%.</figcaption>`,
			`<line x1="40" y1="212.0" x2="624" y2="212.0"`,
			`dx="-6" dy="0.35em" text-anchor="end" fill="currentColor">100%</text>`,
			`text-anchor="middle" fill="currentColor">1 Nov</text>`, `>3 Nov</text>`,
			`<polyline class="chart__line" points="48.0,132.0 332.0,72.0 616.0,32.0" fill="none"`,
			`<a class="chart__point" href="/attempts/1/results"><title>2011 Tabankort raid: 40% on 1 Nov 2026</title><circle cx="48.0" cy="132.0" r="4"/></a>`,
			"<title>" + escaped + ": 70% on 1 Nov 2026</title>",
			`<th scope="row"><a href="/articles/3">2011 Tabankort raid</a></th>`,
			`<a href="/articles/4">` + escaped + `</a>`,
			`<td class="num">90%</td>`, `<td class="num">—</td>`,
			`<meter min="0" max="100" low="50" high="80" optimum="100" value="60" aria-hidden="true">60%</meter>`,
			"<span>60% (6 of 10 facts)</span>", "<span>0% (0 of 1 fact)</span>",
			`<p class="weak__prompt">Which city did the jihadists raid?</p>`,
			"<p>Right answer: <strong>Niamey</strong></p>",
			`Missed 2 of 3 times <span class="badge badge--right">right last time</span></p>`,
			"Missed 1 of 1 time</p>",
			`<blockquote class="source">On January 7, 2011, a six-man team raided Niamey ` + escaped + `</blockquote>`,
			`<a href="/articles/3#s-kidnapping">Read it in 2011 Tabankort raid</a>`,
			`<a href="/articles/4#lead">Read it in ` + escaped + `</a>`,
		}),
		notWant: []string{"Progress of", "No quizzes taken yet", "Nothing missed yet", "All learners"},
		hostile: true,
		check: func(t *testing.T, out string) {
			for el, n := range map[string]int{"<polyline": 1, "<circle": 3, `<a class="chart__point"`: 3, "<title>": 4, "<line": 3, "<meter": 2} {
				if got := strings.Count(out, el); got != n {
					t.Errorf("%d × %s, want %d", got, el, n)
				}
			}
		},
	},
	{
		name: "dashboard/learner seen by an instructor",
		page: "dashboard",
		data: DashboardPage{Page: as(instructor, ""), Learner: User{ID: 9, Name: hostile, Email: "ada@example.com", Role: RoleLearner},
			Totals: Totals{Attempts: 1, Answers: 3, Correct: 3, Percent: 100, Articles: 1, DaysActive: 1, Streak: 1, StudiedToday: true},
			Chart:  NewChart(nil, 640, 240),
			Articles: []ArticleProgress{
				{ArticleID: 3, Title: "2011 Tabankort raid", Attempts: 1, Mastery: 30, Facts: 10, Mastered: 3, LastStudied: day3},
			}},
		want: []string{
			"<title>Progress of " + escaped + " · factquiz</title>",
			"<h1>Progress of " + escaped + "</h1>",
			`<p class="meta">ada@example.com · <a href="/learners">All learners</a></p>`,
			`<span class="stat__label">quiz</span>`, "0 finished",
			`<span class="stat__label">day in a row</span>`,
			`<span class="stat__label">article studied</span>`,
			`<figcaption id="chart-summary">No finished quizzes yet.</figcaption>`,
			"<span>30% (3 of 10 facts)</span>",
			"Nothing missed yet.",
		},
		notWant: []string{"<svg", "<polyline", "<circle", "keep it", "Your progress", "No quizzes taken yet"},
		hostile: true,
	},
	{
		name:    "dashboard/no quizzes",
		page:    "dashboard",
		data:    DashboardPage{Page: as(learner, "Your progress"), Learner: *learner, Own: true, Chart: NewChart(nil, 640, 240)},
		want:    []string{"<h1>Your progress</h1>", `No quizzes taken yet. Pick an article on the <a href="/">home page</a>.`},
		notWant: []string{"<svg", "Scores over time", "By article", "Weak spots", "Nothing missed yet"},
		hostile: true,
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
		data: ArticlePage{Page: page("2011 Tabankort raid"), ID: 3, Title: "2011 Tabankort raid", DefaultCount: 10, JustCreated: true, Practice: 2,
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
		name: "article/for a learner",
		page: "article",
		data: ArticlePage{Page: page("Raid"), ID: 3, Title: "Raid", DefaultCount: 10, Practice: 12,
			Sections: []SectionView{{Anchor: "lead", Paragraphs: []string{"They reached Niamey."}}}},
		want:    []string{`action="/articles/3/attempts"`, "<p>They reached Niamey.</p>"},
		notWant: []string{"<details", "Answer:", "No questions could be made", "kept for quizzes"},
	},
	{
		name: "article/every question kept for quizzes",
		page: "article",
		data: ArticlePage{Page: page("Raid"), ID: 3, Title: "Raid", DefaultCount: 10,
			Sections:  []SectionView{{Anchor: "lead", Paragraphs: []string{"They reached Niamey."}}},
			Questions: []QuestionItem{{Type: "fill_blank", Label: "Fill in the blank", Prompt: "They reached _____.", Answer: "Niamey"}}},
		want:    []string{"are all kept for quizzes", "so there is no practice quiz for it", "<strong>Niamey</strong>"},
		notWant: []string{`action="/articles/3/attempts"`, "No questions could be made"},
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
		notWant: []string{`role="alert"`, "data-time-left", "Time left", "Time is up", `type="checkbox"`, "Choose every right answer."},
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
			`<a href="/signup">Sign up to review as flashcards</a>`,
			`<a href="/articles/3">Back to the article</a>`,
			`<a href="/signup">Sign up</a> to keep this score`,
		},
		notWant: []string{`<a href="/dashboard">See your progress</a>`, "coming soon", "disabled", `action="/articles/3/deck"`},
		hostile: true,
	},
	{
		name: "results/signed in",
		page: "results",
		data: ResultsPage{Page: Page{Title: "Results", CSRF: csrf, User: &User{ID: 2, Name: "Ann", Role: RoleLearner}},
			AttemptID: 7, ArticleID: 3, ArticleTitle: "Raid", Score: 1, Total: 1, Percent: 100, Count: 1,
			Items: []ResultItem{{Position: 1, Prompt: "Q?", YourAnswer: "A", RightAnswer: "A", Correct: true, Answered: true}}},
		want: []string{
			`<a href="/dashboard">See your progress</a>`,
			`<form method="post" action="/articles/3/deck">`,
			`<input type="hidden" name="next" value="/review">`,
			`<button class="button" type="submit">Review as flashcards</button>`,
		},
		notWant: []string{"to keep this score", "Sign up to review", "coming soon", "disabled"},
	},
	{
		name: "feedback/wrong typed answer, signed in",
		page: "feedback",
		data: contestFeedback(as(learner, "Wrong"), false, ContestView{QuestionID: 42, Contestable: true}),
		want: []string{
			`<form class="contest-form" method="post" action="/attempts/7/contest">`,
			`<input type="hidden" name="question_id" value="42">`,
			`<input type="hidden" name="back" value="/attempts/7/feedback/4">`,
			`<label for="contest-comment">Think your answer was right? Say why (optional)</label>`,
			`<textarea id="contest-comment" name="comment" rows="2" maxlength="1000"></textarea>`,
			`<button class="button" type="submit">I was right</button>`,
		},
		notWant: []string{"to contest this grade", "You contested", "Accepted:", "Rejected:"},
		hostile: true, // the learner's name in the header
	},
	{
		name:    "feedback/wrong typed answer, guest",
		page:    "feedback",
		data:    contestFeedback(page("Wrong"), false, ContestView{QuestionID: 42, Contestable: true}),
		want:    []string{`<p class="note"><a href="/signup">Sign up</a> to contest this grade if you think your answer was right.</p>`},
		notWant: []string{"I was right", `action="/attempts/7/contest"`},
	},
	{
		name:    "feedback/not contestable",
		page:    "feedback",
		data:    contestFeedback(as(learner, "Wrong"), false, ContestView{QuestionID: 42}),
		notWant: []string{"I was right", "contest"},
		hostile: true,
	},
	{
		name:    "feedback/contest open",
		page:    "feedback",
		data:    contestFeedback(as(learner, "Wrong"), false, ContestView{QuestionID: 42, Status: "open"}),
		want:    []string{`<p class="note contest-status">You contested this answer: waiting for an instructor.</p>`},
		notWant: []string{"I was right", "Accepted:", "Rejected:"},
		hostile: true,
	},
	{
		name:    "feedback/contest accepted",
		page:    "feedback",
		data:    contestFeedback(as(learner, "Right"), true, ContestView{QuestionID: 42, Status: "accepted"}),
		want:    []string{"✓</span> Right", `<p class="note contest-status">Accepted: your answer now counts as right.</p>`},
		notWant: []string{"I was right", "You contested", "Rejected:"},
		hostile: true,
	},
	{
		name:    "feedback/contest rejected",
		page:    "feedback",
		data:    contestFeedback(as(learner, "Wrong"), false, ContestView{QuestionID: 42, Status: "rejected", Reason: "Niger is a country: " + hostile}),
		want:    []string{`<p class="note contest-status">Rejected: Niger is a country: ` + escaped + `</p>`},
		notWant: []string{"I was right", "You contested", "Accepted:"},
		hostile: true,
	},
	{
		name: "results/contests",
		page: "results",
		data: ResultsPage{Page: as(learner, "Results"), AttemptID: 7, ArticleID: 3, ArticleTitle: "Raid", Score: 2, Total: 5, Percent: 40, Count: 5,
			Items: []ResultItem{
				{Position: 1, Prompt: "They reached _____.", YourAnswer: "Niamey, Niger", RightAnswer: "Niamey", Answered: true,
					Contest: ContestView{QuestionID: 11, Contestable: true}},
				{Position: 2, Prompt: "How many men?", YourAnswer: "7", RightAnswer: "6", Answered: true,
					Contest: ContestView{QuestionID: 12, Status: "open"}},
				{Position: 3, Prompt: "When?", YourAnswer: "in 2011", RightAnswer: "2011", Answered: true, Correct: true,
					Contest: ContestView{QuestionID: 13, Status: "accepted"}},
				{Position: 4, Prompt: "Who?", YourAnswer: "Beth", RightAnswer: "AQIM", Answered: true,
					Contest: ContestView{QuestionID: 14, Status: "rejected", Reason: "Not a group: " + hostile}},
				{Position: 5, Prompt: "Which city?", YourAnswer: "Gao", RightAnswer: "Niamey", Answered: true,
					Contest: ContestView{QuestionID: 15}},
			}},
		want: []string{
			`<details class="contest">`, `<summary>Contest this grade</summary>`,
			`<form class="contest-form" method="post" action="/attempts/7/contest">`,
			`<input type="hidden" name="question_id" value="11">`,
			`<input type="hidden" name="back" value="/attempts/7/results">`,
			`<label for="contest-comment-11">Why your answer is right (optional)</label>`,
			`<textarea id="contest-comment-11" name="comment" rows="2" maxlength="1000"></textarea>`,
			`<button class="button small" type="submit">I was right</button>`,
			`<p class="note contest-status">You contested this answer: waiting for an instructor.</p>`,
			`<p class="note contest-status">Accepted: your answer now counts as right.</p>`,
			`<p class="note contest-status">Rejected: Not a group: ` + escaped + `</p>`,
		},
		notWant: []string{`name="question_id" value="12"`, `name="question_id" value="13"`, `name="question_id" value="14"`,
			`name="question_id" value="15"`, "to contest this grade"},
		hostile: true,
		check: func(t *testing.T, out string) {
			if n := strings.Count(out, "I was right"); n != 1 {
				t.Errorf("%d contest forms, want 1", n)
			}
		},
	},
	{
		name: "results/contestable, guest",
		page: "results",
		data: ResultsPage{Page: page("Results"), AttemptID: 7, ArticleID: 3, ArticleTitle: "Raid", Total: 1, Count: 1,
			Items: []ResultItem{{Position: 1, Prompt: "They reached _____.", YourAnswer: "Niamey, Niger", RightAnswer: "Niamey", Answered: true,
				Contest: ContestView{QuestionID: 11, Contestable: true}}}},
		want:    []string{`<p class="note"><a href="/signup">Sign up</a> to contest this grade.</p>`},
		notWant: []string{"I was right", `action="/attempts/7/contest"`},
	},
	{
		name: "contests/queue",
		page: "contests",
		data: ContestsPage{Page: as(instructor, "Contested answers"),
			Groups: []ContestGroup{
				{QuestionID: 11, Prompt: "They reached _____.", RightAnswer: "Niamey", Accepted: []string{"Niamey city", hostile},
					Items: []ContestItemView{
						{ID: 5, Learner: "Ann", Given: "Niamey, Niger", Comment: "It is in Niger: " + hostile, Date: day1},
						{ID: 6, Learner: hostile, Given: hostile, Date: day3, Reason: "Too " + hostile},
					}},
				{QuestionID: 12, Prompt: hostile, RightAnswer: "6 (±0.5)", Items: []ContestItemView{{ID: 7, Learner: "Bob", Given: "7", Date: day3}}},
			},
			Errors: map[uint]string{6: "Say why: " + hostile}},
		want: []string{
			"<title>Contested answers · factquiz</title>",
			"<h1>Contested answers</h1>",
			`<section class="card contest-group" aria-labelledby="contest-question-11">`,
			`<h2 id="contest-question-11">They reached _____.</h2>`,
			`Right answer: <strong>Niamey</strong> · also accepted: Niamey city, ` + escaped + "\n",
			`<a href="/questions/11/edit">Edit the question</a>`,
			`<strong>Ann</strong> answered <q>Niamey, Niger</q> on <time datetime="2026-11-01">1 Nov 2026</time>.`,
			`<blockquote class="contest-comment">It is in Niger: ` + escaped + `</blockquote>`,
			`<form method="post" action="/contests/5/accept">`,
			`<button class="button primary" type="submit">Accept<span class="visually-hidden"> Ann’s answer</span></button>`,
			`<form method="post" action="/contests/5/reject">`,
			`<label for="reason-5">Why the answer is wrong</label>`,
			`<textarea id="reason-5" name="reason" rows="2" maxlength="500" required`,
			`aria-describedby="reason-5-hint"></textarea>`,
			`<button class="button" type="submit">Reject<span class="visually-hidden"> Ann’s answer</span></button>`,
			`<strong>` + escaped + `</strong> answered <q>` + escaped + `</q>`,
			`<p class="field-error" id="reason-6-error"><span class="visually-hidden">Error: </span>Say why: ` + escaped + `</p>`,
			`aria-describedby="reason-6-error reason-6-hint" aria-invalid="true">Too ` + escaped + `</textarea>`,
			`<h2 id="contest-question-12">` + escaped + `</h2>`,
			"Right answer: <strong>6 (±0.5)</strong>\n",
			`action="/contests/7/accept"`, `action="/contests/7/reject"`,
		},
		notWant: []string{"No contested answers.", `id="reason-5-error"`, `id="reason-7-error"`, "also accepted: \n"},
		hostile: true,
	},
	{
		name:    "contests/empty",
		page:    "contests",
		data:    ContestsPage{Page: as(instructor, "Contested answers")},
		want:    []string{`<div class="empty"><p>No contested answers.</p></div>`},
		notWant: []string{"<section", "/accept", "/reject"},
	},
	{
		name: "review/front",
		page: "review",
		data: ReviewPage{Page: as(learner, "Review"), Card: &CardView{ID: 21, Front: "The jihadists reached _____ aboard a " + hostile,
			Back: "Niamey", Source: "They reached Niamey.", SectionLink: "/articles/3#s-kidnapping", ArticleID: 3, ArticleTitle: hostile, State: "New"},
			Left: Left{New: 5, Learning: 2, Review: 11}, Done: 7},
		want: []string{
			"<title>Review · factquiz</title>",
			"<h1>Review</h1>",
			`<span class="counts__item counts--new"><strong>5</strong> new</span>`,
			`<span class="counts__item counts--learning"><strong>2</strong> learning</span>`,
			`<span class="counts__item counts--review"><strong>11</strong> to review</span>`,
			`<strong>7</strong> reviewed today`,
			`<a href="/articles/3">` + escaped + `</a> <span class="badge">New</span>`,
			`<h2 class="card-front" id="card-front">The jihadists reached _____ aboard a ` + escaped + `</h2>`,
			`<form method="get" action="/review"`,
			`<input type="hidden" name="card" value="21">`,
			`<input type="hidden" name="show" value="1">`,
			`type="submit" data-reveal aria-keyshortcuts="Space Enter">Show answer</button>`,
			"Quiz answers count as reviews too: a right answer rates its card Good, a wrong one Again.",
			"<kbd>U</kbd> undoes",
		},
		notWant: []string{"card-back", "Niamey", "data-rating", `action="/review/`, "data-undo", "You have no flashcards", "All done"},
		hostile: true,
	},
	{
		name: "review/shown with ratings",
		page: "review",
		data: ReviewPage{Page: as(learner, "Review"), Shown: true, Rateable: true, CanUndo: true, Done: 1,
			Card: &CardView{ID: 21, Front: "The jihadists reached _____.", Back: "Niamey " + hostile, Source: "They reached Niamey " + hostile + ".",
				SectionLink: "/articles/3#s-kidnapping", ArticleID: 3, ArticleTitle: "2011 Tabankort raid", State: "Review"},
			Ratings: []RatingButton{
				{Value: 1, Label: "Again", Interval: "10m", Key: "1"},
				{Value: 2, Label: "Hard", Interval: "2d", Key: "2"},
				{Value: 3, Label: "Good", Interval: "3d", Key: "3"},
				{Value: 4, Label: "Easy", Interval: "2mo", Key: "4"},
			}, Left: Left{Review: 1}},
		want: []string{
			`<span class="badge">Review</span>`,
			`<p class="card-back" id="card-back"><span class="visually-hidden">Answer: </span>Niamey ` + escaped + `</p>`,
			`<blockquote class="source">They reached Niamey ` + escaped + `.</blockquote>`,
			`<a href="/articles/3#s-kidnapping">Read it in the article</a>`,
			`<form method="post" action="/review/21"`,
			`<button type="submit" name="rating" value="1" data-rating="1" aria-keyshortcuts="1" class="button rating rating--again">`,
			`<button type="submit" name="rating" value="3" data-rating="3" aria-keyshortcuts="3" class="button rating">`,
			`<kbd class="keyhint" aria-hidden="true">3</kbd>`,
			`<span class="rating__label">Good</span> <span class="rating__interval"><span aria-hidden="true">· </span><span class="visually-hidden">, next in </span>3d</span></button>`,
			`<span class="rating__label">Easy</span>`, ">2mo</span>",
			`<form method="post" action="/review/undo"`,
			`<button class="button small" type="submit" data-undo aria-keyshortcuts="U">Undo last rating`,
		},
		notWant: []string{"data-reveal", "Show answer", "you can rate it then", "All done"},
		hostile: true,
		check: func(t *testing.T, out string) {
			if n := strings.Count(out, "data-rating="); n != 4 {
				t.Errorf("%d rating buttons, want 4", n)
			}
			if n := strings.Count(out, "rating--again"); n != 1 {
				t.Errorf("%d buttons styled as Again, want 1", n)
			}
			last := -1
			for _, k := range []string{"1", "2", "3", "4"} {
				i := strings.Index(out, `data-rating="`+k+`"`)
				if i < last {
					t.Errorf("rating %s out of order", k)
				}
				last = i
			}
			form := regexp.MustCompile(`(?s)<form method="post" action="/review/21".*?</form>`).FindString(out)
			if strings.Count(form, "<button") != 4 {
				t.Errorf("the rating form does not hold the 4 buttons: %s", form)
			}
		},
	},
	{
		name: "review/not rateable",
		page: "review",
		data: ReviewPage{Page: as(learner, "Review"), Shown: true, DueIn: "in 3 days " + hostile,
			Card: &CardView{ID: 21, Front: "The jihadists reached _____.", Back: "Niamey", SectionLink: "javascript:alert(1)",
				ArticleID: 3, ArticleTitle: "Raid", State: "Review"},
			Ratings: []RatingButton{{Value: 3, Label: "Good", Interval: "3d", Key: "3"}}},
		want: []string{
			`<p class="card-back" id="card-back">`,
			"This card is due in 3 days " + escaped + "; you can rate it then.",
			`<a href="/review">Back to today's reviews</a>`,
			`<a href="#ZgotmplZ">Read it in the article</a>`,
		},
		notWant: []string{"data-rating", `method="post" action="/review/`, "data-reveal", "<blockquote", "javascript:"},
		hostile: true,
	},
	{
		name: "review/done",
		page: "review",
		data: ReviewPage{Page: as(learner, "Review"), Decks: 2, Done: 30, NextDue: "in 8 min " + hostile, CanUndo: true},
		want: []string{
			"<h2>All done for now.</h2>",
			"The next card is due in 8 min " + escaped + ".",
			`<a href="/dashboard">`,
			`<strong>0</strong> new`, `<strong>30</strong> reviewed today`,
			`<form method="post" action="/review/undo"`, "data-undo",
		},
		notWant: []string{"card-front", "data-reveal", "data-rating", "You have no flashcards"},
		hostile: true,
	},
	{
		name:    "review/done nothing scheduled",
		page:    "review",
		data:    ReviewPage{Page: as(learner, "Review"), Decks: 1},
		want:    []string{"All done for now.", `<a href="/dashboard">`},
		notWant: []string{"The next card is due", "data-undo", "/review/undo"},
	},
	{
		name: "review/no decks",
		page: "review",
		data: ReviewPage{Page: as(learner, "Review")},
		want: []string{
			"<h2>You have no flashcards yet.</h2>",
			"Open an article and press “Add to my flashcards”, or after a quiz press “Review as flashcards”.",
			`<a href="/">Choose an article</a>`,
		},
		notWant: []string{"All done", "card-front", "data-undo", "data-reveal"},
	},
	{
		name: "article/deck guest",
		page: "article",
		data: deckArticle(page("Raid"), DeckState{Cards: 4}),
		want: []string{
			`<h2 class="deck__title" id="deck-heading">Flashcards</h2>`,
			`<a href="/signup">Sign up to review this article as flashcards</a>`,
		},
		notWant: []string{"/deck", "Add to my flashcards", "Review now"},
	},
	{
		name: "article/deck in deck",
		page: "article",
		data: deckArticle(as(learner, "Raid"), DeckState{SignedIn: true, InDeck: true, Cards: 12, Due: 1}),
		want: []string{
			"<p>12 cards in your flashcards, 1 due today.</p>",
			`<a class="button small primary" href="/review">Review now</a>`,
			`<a href="/articles/3/deck.txt">Anki (.txt)</a>`,
			`<a href="/articles/3/deck.csv">CSV</a>`,
		},
		notWant: []string{`action="/articles/3/deck"`, "Add to my flashcards", "Sign up to review"},
		hostile: true,
	},
	{
		name: "article/deck can add",
		page: "article",
		data: deckArticle(as(learner, "Raid"), DeckState{SignedIn: true, Cards: 1}),
		want: []string{
			`<form method="post" action="/articles/3/deck">`,
			`<button class="button small" type="submit">Add to my flashcards (1 card)</button>`,
		},
		notWant: []string{"deck.txt", "Review now", "Sign up to review", "no flashcards"},
		hostile: true,
	},
	{
		name:    "article/deck no cards",
		page:    "article",
		data:    deckArticle(as(learner, "Raid"), DeckState{SignedIn: true}),
		want:    []string{"No question of this article has a typed answer, so it has no flashcards."},
		notWant: []string{"/deck", "Add to my flashcards", "Review now"},
		hostile: true,
	},
	{
		name: "profile/flashcard settings",
		page: "profile",
		data: ProfilePage{Page: as(learner, "Your account"), MinPassword: 12, Settings: Settings{Retention: "0.99", NewPerDay: 20},
			Errors: map[string]string{"retention": "Between 0.70 and 0.97, please: " + hostile, "new_per_day": "At most 500."}},
		want: []string{
			`<h2 id="flashcards-heading">Flashcards</h2>`,
			`<form method="post" action="/profile/flashcards">`,
			`<label for="retention">Desired retention</label>`,
			"The chance you still remember a card when it comes back. Higher means more reviews with shorter gaps; 0.90 is a good balance.",
			`<p class="field-error" id="retention-error"><span class="visually-hidden">Error: </span>Between 0.70 and 0.97, please: ` + escaped + `</p>`,
			`type="number" id="retention" name="retention" min="0.70" max="0.97" step="0.01" value="0.99"`,
			`aria-describedby="retention-error retention-hint" aria-invalid="true"`,
			`<label for="new-per-day">New cards per day</label>`,
			`<p class="field-error" id="new-per-day-error"><span class="visually-hidden">Error: </span>At most 500.</p>`,
			`type="number" id="new-per-day" name="new_per_day" min="0" max="500" step="1" value="20"`,
			`aria-describedby="new-per-day-error new-per-day-hint" aria-invalid="true"`,
			`<button class="button primary" type="submit">Save flashcard settings</button>`,
		},
		notWant: []string{"current-error", "password-error"},
		hostile: true,
	},
	{
		name: "profile/flashcard settings without errors",
		page: "profile",
		data: ProfilePage{Page: as(learner, "Your account"), Settings: Settings{Retention: "0.90", NewPerDay: 0}},
		want: []string{
			`name="retention" min="0.70" max="0.97" step="0.01" value="0.90"`,
			`name="new_per_day" min="0" max="500" step="1" value="0"`,
			`aria-describedby="retention-hint">`, `aria-describedby="new-per-day-hint">`,
		},
		notWant: []string{"aria-invalid", "field-error"},
	},
	{
		name: "dashboard/flashcards",
		page: "dashboard",
		data: DashboardPage{Page: as(learner, "Your progress"), Learner: *learner, Own: true,
			Totals: Totals{Attempts: 1, Answers: 2, Articles: 1, DaysActive: 1},
			Chart:  NewChart(nil, 480, 200),
			Cards: CardStats{Cards: 40, DueToday: 12, NewToday: 5, ReviewsToday: 9, Retention: 87, Reviewed: 120, Desired: 90,
				Forecast: NewForecast([]int{3, 0, 6, 1, 0, 0, 2}, day3, 320, 120)},
			Weak: []WeakSpot{
				{QuestionID: 11, ArticleID: 3, ArticleTitle: "Raid", Prompt: "Which city?", RightAnswer: "Niamey", SectionLink: "/articles/3#lead", Misses: 2, Tries: 2, CardID: 21},
				{QuestionID: 12, ArticleID: 3, ArticleTitle: "Raid", Prompt: "Who led it?", RightAnswer: "Beth", SectionLink: "/articles/3#lead", Misses: 1, Tries: 2},
			}},
		want: []string{
			`<h2 id="cards-heading">Flashcards</h2>`,
			`<span class="stat__value">12</span>`, `<span class="stat__label">due today</span>`, "and 5 new",
			`<span class="stat__value">9</span>`, `<span class="stat__label">reviewed today</span>`,
			`<span class="stat__value">87%</span>`, "over 120 reviews in 30 days; 90% desired",
			`<a class="button primary" href="/review">Review now</a>`,
			`<svg class="chart__svg forecast__svg" viewBox="0 0 320 120" role="img" aria-labelledby="forecast-summary">`,
			`<figcaption id="forecast-summary">12 cards due over the next 7 days, 3 of them today.</figcaption>`,
			`<rect class="forecast__bar" x="9.1" y="57.0" width="27.4" height="41.0"><title>Today: 3</title></rect>`,
			`<text class="forecast__count" x="22.9" y="57.0" dy="-4" text-anchor="middle">3</text>`,
			`<text class="forecast__label" x="22.9" y="114.0" text-anchor="middle">Today</text>`,
			`<rect class="forecast__bar" x="100.6" y="16.0" width="27.4" height="82.0"><title>Thu: 6</title></rect>`,
			`<title>Wed: 0</title>`, `text-anchor="middle">Mon</text>`,
			"Quiz answers count as reviews: a right answer rates its card Good, a wrong one Again.",
			`<a href="/review?card=21&show=1">Review this card</a>`,
		},
		notWant: []string{"no reviews yet", "No flashcards yet"},
		hostile: true,
		check: func(t *testing.T, out string) {
			for el, n := range map[string]int{"<rect": 7, `class="forecast__count"`: 4, `class="forecast__label"`: 7, "Review this card": 1} {
				if got := strings.Count(out, el); got != n {
					t.Errorf("%d × %s, want %d", got, el, n)
				}
			}
			cards, quizzes := strings.Index(out, `id="cards-heading"`), strings.Index(out, `id="weak-heading"`)
			if cards < 0 || quizzes < 0 || cards > quizzes {
				t.Error("the flashcards section is not before the weak spots")
			}
		},
	},
	{
		name: "dashboard/flashcards without quizzes or reviews",
		page: "dashboard",
		data: DashboardPage{Page: as(learner, "Your progress"), Learner: *learner, Own: true, Chart: NewChart(nil, 480, 200),
			Cards: CardStats{Cards: 8, Desired: 90, Forecast: NewForecast(make([]int, 7), day3, 320, 120)}},
		want: []string{
			"No quizzes taken yet.",
			`<h2 id="cards-heading">Flashcards</h2>`,
			`<span class="stat__value">—</span>`, "no reviews yet; 90% desired",
			"and 0 new",
			`height="0.0"><title>Today: 0</title></rect>`,
			"0 cards due over the next 7 days, 0 of them today.",
		},
		notWant: []string{"Review now", "forecast__count", "over 0 reviews", "Scores over time"},
	},
	{
		name:    "dashboard/no flashcards",
		page:    "dashboard",
		data:    DashboardPage{Page: as(learner, "Your progress"), Learner: *learner, Own: true, Chart: NewChart(nil, 480, 200)},
		want:    []string{`<h2 id="cards-heading">Flashcards</h2>`, "No flashcards yet: open an article and press “Add to my flashcards”"},
		notWant: []string{"<svg", "due today", "Review now"},
	},
	{
		name: "dashboard/flashcards seen by an instructor",
		page: "dashboard",
		data: DashboardPage{Page: as(instructor, ""), Learner: User{ID: 9, Name: "Ada", Role: RoleLearner},
			Totals: Totals{Attempts: 1, Answers: 1, Articles: 1, DaysActive: 1},
			Chart:  NewChart(nil, 480, 200),
			Cards:  CardStats{Cards: 3, DueToday: 3, Forecast: NewForecast([]int{3, 0, 0, 0, 0, 0, 0}, day3, 320, 120)},
			Weak: []WeakSpot{{QuestionID: 11, ArticleID: 3, ArticleTitle: "Raid", Prompt: "Which city?", RightAnswer: "Niamey",
				SectionLink: "/articles/3#lead", Misses: 1, Tries: 1, CardID: 21}}},
		want:    []string{`<h2 id="cards-heading">Flashcards</h2>`, `<span class="stat__label">due today</span>`, "<title>Today: 3</title>"},
		notWant: []string{"Review now", "Review this card", "/review"},
	},
	{
		name:    "dashboard/instructor, learner without flashcards",
		page:    "dashboard",
		data:    DashboardPage{Page: as(instructor, ""), Learner: User{ID: 9, Name: "Ada", Role: RoleLearner}, Chart: NewChart(nil, 480, 200)},
		notWant: []string{"cards-heading", "No flashcards yet"},
	},
	{
		name: "bank/filtered to an article",
		page: "bank",
		data: bankPage(),
		want: all(instructorNav, []string{
			"<title>Questions · factquiz</title>",
			`<h1 id="bank-heading">Questions of Raid</h1>`,
			`<form class="bank-filter" method="get" action="/bank" role="search" aria-label="Filter questions">`,
			`<label for="filter-article">Article</label>`,
			`<option value="0">All articles</option>`, `<option value="3" selected>Raid</option>`, `<option value="4">` + escaped + `</option>`,
			`<option value="">Any type</option>`, `<option value="fill_blank" selected>Fill in the blank</option>`, `<option value="numeric">Number</option>`,
			`<option value="">Any status</option>`, `<option value="approved" selected>Approved</option>`,
			`<option value="">Any origin</option>`, `<option value="manual" selected>Written here</option>`,
			`<option value="">Any tag</option>`, `<option value="dates" selected>dates</option>`, `<option value="people ` + escaped + `">people ` + escaped + `</option>`,
			`<input type="search" id="filter-q" name="q" value="Nia ` + escaped + `"`,
			`<button class="button" type="submit">Filter</button>`,
			`<form method="post" action="/articles/3/settings">`,
			`<input type="radio" id="learners-see-all" name="learners_see" value="all">`,
			`<label for="learners-see-all">Approved and generated questions</label>`,
			`<input type="radio" id="learners-see-approved" name="learners_see" value="approved" checked>`,
			`<label for="learners-see-approved">Approved questions only</label>`,
			`<button class="button small" type="submit">Save</button>`,
			`<form class="bank-article__regenerate" method="post" action="/articles/3/regenerate">`,
			`Regenerate questions</button>`,
			"New questions come in as generated; your edits, approvals and retirements stay.",
			`<a class="button small primary" href="/questions/new?article=3">Add a question</a>`,
			`<form class="bank-bulk" method="post" action="/bank/bulk">`,
			`<input type="hidden" name="return" value="article=3&amp;page=2&amp;type=fill_blank">`,
			`<p class="bank-total" id="bank-total">120 questions</p>`,
			`<label for="bulk-action">Action</label>`, `<select id="bulk-action" name="action">`,
			`<option value="approve">Approve</option>`, `<option value="retire">Retire</option>`,
			`<option value="tag">Add tag</option>`, `<option value="untag">Remove tag</option>`,
			`<option value="quiz">Add to quiz</option>`,
			`<p class="hint" id="bulk-quiz-hint">To add questions to a quiz, make a quiz first on the <a href="/quizzes">Quizzes page</a>.</p>`,
			`<label for="bulk-tag">Tag</label>`, `<input type="text" id="bulk-tag" name="tag"`,
			`<button class="button" type="submit">Apply to selected</button>`,
			`<div class="table-wrap" role="region" aria-labelledby="bank-heading" tabindex="0">`,
			`<input type="checkbox" id="select-11" name="ids" value="11">`,
			`<label class="visually-hidden" for="select-11">Select “They reached _____.”</label>`,
			`<label class="visually-hidden" for="select-12">Select “` + escaped + `”</label>`,
			`<span class="bank-table__prompt">They reached _____.</span>`,
			`<span class="bank-table__answer">Answer: Niamey</span>`,
			`<span class="bank-table__answer">Answer: false ` + escaped + `</span>`,
			`<a class="bank-table__article" href="/articles/3">Raid</a>`,
			"<td>Fill in the blank</td>", "<td>True or false</td>",
			`<span class="badge status status--approved">Approved</span>`,
			`<span class="badge status status--generated">Generated</span>`,
			`<span class="badge status status--retired">Retired</span>`,
			"<td>Written here</td>", "<td>Generated</td>", "<td>Imported</td>",
			`<li class="chip">dates</li>`, `<li class="chip">places ` + escaped + `</li>`,
			`<a href="/questions/11/edit">Edit<span class="visually-hidden"> “They reached _____.”</span></a>`,
			`<a href="/questions/12/edit">Edit`,
			`<nav class="pager" aria-label="Pages">`,
			`<a class="pager__prev" href="/bank?article=3&amp;type=fill_blank" rel="prev">Previous</a>`,
			`<span class="pager__status">Page 2 of 3</span>`,
			`<a class="pager__next" href="/bank?article=3&amp;page=3&amp;type=fill_blank" rel="next">Next</a>`,
		}),
		notWant: []string{"No questions match", `role="alert"`, `name="quiz_id"`},
		hostile: true,
		check: func(t *testing.T, out string) {
			for _, name := range []string{"article", "type", "status", "origin", "tag"} {
				sel := regexp.MustCompile(`(?s)<select id="filter-` + name + `".*?</select>`).FindString(out)
				if n := strings.Count(sel, " selected"); n != 1 {
					t.Errorf("filter %s: %d options selected, want 1", name, n)
				}
			}
			if n := strings.Count(out, `type="checkbox"`); n != 3 {
				t.Errorf("%d checkboxes, want 3", n)
			}
			if n := strings.Count(out, " checked"); n != 1 {
				t.Errorf("%d checked, want only the article's setting", n)
			}
			bulk := regexp.MustCompile(`(?s)<form class="bank-bulk".*?</form>`).FindString(out)
			if !strings.Contains(bulk, "<table") || !strings.Contains(bulk, `name="ids"`) {
				t.Error("the bulk form does not hold the table and its checkboxes")
			}
		},
	},
	{
		name: "bank/all articles, first page, with an error",
		page: "bank",
		data: BankPage{Page: as(admin, "Questions"), Total: 51, PageNum: 1, Pages: 2, NextURL: "/bank?page=2", Query: "",
			Articles: []ArticleItem{{ID: 3, Title: "Raid"}}, Types: bankTypes, Statuses: bankStatuses, Origins: bankOrigins,
			Error: "Choose a tag to add: " + hostile,
			Questions: []BankItem{{ID: 11, ArticleID: 3, ArticleTitle: "Raid", Type: "ordering", Label: "Put in order",
				Prompt: "Put them in order.", Status: "generated", Origin: "generated"}}},
		want: []string{
			`<h1 id="bank-heading">Questions</h1>`,
			`<option value="0" selected>All articles</option>`, `<option value="3">Raid</option>`,
			`<option value="">Any tag</option>`,
			`<div class="alert" id="bank-error" role="alert"><p>Choose a tag to add: ` + escaped + `</p></div>`,
			`<input type="hidden" name="return" value="">`,
			"51 questions",
			`<span class="pager__status">Page 1 of 2</span>`,
			`<a class="pager__next" href="/bank?page=2" rel="next">Next</a>`,
		},
		notWant: []string{"/settings", "/regenerate", "Add a question", "Previous", "Answer:", "chip", " selected>Any"},
		hostile: true,
	},
	{
		name: "bank/one question, one page",
		page: "bank",
		data: BankPage{Page: as(instructor, "Questions"), Total: 1, PageNum: 1, Pages: 1,
			Questions: []BankItem{{ID: 11, ArticleID: 3, ArticleTitle: "Raid", Label: "Number", Prompt: "How many?", Status: "approved", Origin: "manual"}}},
		want:    []string{`<p class="bank-total" id="bank-total">1 question</p>`},
		notWant: []string{"pager", "Page 1 of 1"},
	},
	{
		name: "bank/empty",
		page: "bank",
		data: BankPage{Page: as(instructor, "Questions"), PageNum: 1, Pages: 1, Filter: BankFilter{ArticleID: 5, Search: "zebra"},
			Articles: []ArticleItem{{ID: 5, Title: "Quiet " + hostile}}, Article: &BankArticle{ID: 5, Title: "Quiet " + hostile, LearnersSee: "all"}},
		want: []string{
			`<h1 id="bank-heading">Questions of Quiet ` + escaped + `</h1>`,
			`<div class="empty"><p>No questions match these filters.</p></div>`,
			`name="learners_see" value="all" checked>`,
			`action="/articles/5/regenerate"`,
			`href="/questions/new?article=5">Add a question</a>`,
			`name="q" value="zebra"`,
		},
		notWant: []string{"<table", "/bank/bulk", "pager", `value="approved" checked`, "0 questions"},
		hostile: true,
	},
	{
		name: "question_form/new",
		page: "question_form",
		data: QuestionForm{Page: as(instructor, "Add a question"), ArticleID: 3, ArticleTitle: "Raid " + hostile, Types: bankTypes,
			Type: "multiple_answer", Right: 2,
			Options: []OptionRow{{N: 1, Text: "Niamey"}, {N: 2, Text: hostile, Weight: "50", Feedback: "No: " + hostile}, {N: 3}, {N: 4}}},
		want: []string{
			"<title>Add a question · factquiz</title>",
			"<h1>Add a question</h1>",
			`<p class="meta">To <a href="/articles/3">Raid ` + escaped + `</a></p>`,
			`<form class="question-form" method="post" action="/questions">`,
			`<input type="hidden" name="article" value="3">`,
			`<label for="type">Type</label>`,
			`<p class="hint" id="type-hint">Choose the type, then fill in the fields for it; fields of other types are ignored.</p>`,
			`<select id="type" name="type" required`,
			`<option value="multiple_choice">Multiple choice</option>`, `<option value="multiple_answer" selected>Multiple answers</option>`,
			`<option value="matching">Matching</option>`,
			`<input type="text" id="title" name="title" value=""`,
			`<textarea id="prompt" name="prompt" rows="3" required`,
			"For fill-in-the-blank, write the blank as _____.",
			`<input type="text" id="tags" name="tags" value=""`, "Comma-separated",
			`<textarea id="feedback" name="feedback"`, "General feedback, shown after any answer.",
			`data-type="multiple_choice multiple_answer"`,
			"<legend>Options (multiple choice and multiple answer)</legend>",
			"Weights are percents of the credit: right options add up to 100, wrong ones 0 or less.",
			`<input type="text" id="option-1" name="option_1" value="Niamey"`,
			`<input type="text" id="option-2" name="option_2" value="` + escaped + `"`,
			`<input type="radio" id="right-2" name="right" value="2" checked>`,
			`<input type="radio" id="right-4" name="right" value="4">`,
			`<label class="visually-hidden" for="right-1">Option 1 is the right one</label>`,
			`<input class="weight" type="number" id="weight-2" name="weight_2" value="50" step="any" placeholder="e.g. 50 or -100"`,
			`<input type="text" id="option-feedback-2" name="option_feedback_2" value="No: ` + escaped + `"`,
			`data-type="true_false"`, "<legend>True or false: the statement is</legend>",
			`<input type="radio" id="truth-true" name="truth" value="true">`, `<input type="radio" id="truth-false" name="truth" value="false">`,
			`data-type="fill_blank numeric"`, "<legend>Answer (fill-in and numeric)</legend>",
			`<input type="text" id="answer" name="answer" value=""`,
			`<textarea id="accepted" name="accepted"`,
			`id="tolerance" name="tolerance" value=""`, "how far from the answer still counts as right; 0 for exact.",
			`data-type="ordering"`, `<textarea id="items" name="items"`, "The items in their right order, one a line.",
			`data-type="matching"`, `<textarea id="pairs" name="pairs"`, "One pair a line: left -&gt; right.",
			`<button class="button primary" type="submit">Save question</button>`,
			`<a href="/bank?article=3">Cancel</a>`,
		},
		notWant: []string{`<input type="hidden" name="type"`, "Type:</strong>", "aria-invalid", `role="alert"`, "Generated from this sentence", "<blockquote"},
		hostile: true,
		check: func(t *testing.T, out string) {
			for name, n := range map[string]int{`name="answer"`: 1, `name="option_1"`: 1, `name="right"`: 4, `name="weight_`: 4, `name="truth"`: 2, "data-type=": 5} {
				if got := strings.Count(out, name); got != n {
					t.Errorf("%d × %s, want %d", got, name, n)
				}
			}
		},
	},
	{
		name: "question_form/new with errors",
		page: "question_form",
		data: QuestionForm{Page: as(instructor, "Add a question"), ArticleID: 3, ArticleTitle: "Raid", Types: bankTypes, Type: "true_false",
			Prompt: hostile, Options: []OptionRow{{N: 1}, {N: 2}},
			Errors: map[string]string{"prompt": "Write the question: " + hostile, "truth": "Say whether it is true.", "options": "Give two options.", "right": "Mark one."}},
		want: []string{
			`<div class="alert" id="form-error" role="alert"><p>The question was not saved: please check the fields marked below.</p></div>`,
			`<p class="field-error" id="prompt-error"><span class="visually-hidden">Error: </span>Write the question: ` + escaped + `</p>`,
			`aria-describedby="prompt-error prompt-hint" aria-invalid="true">` + escaped + `</textarea>`,
			`<option value="true_false" selected>True or false</option>`,
			`<fieldset class="type-section" data-type="true_false" aria-describedby="truth-error">`,
			`<p class="field-error" id="truth-error"><span class="visually-hidden">Error: </span>Say whether it is true.</p>`,
			`name="truth" value="true" aria-invalid="true">`,
			`aria-describedby="options-error right-error options-hint"`,
			`<p class="field-error" id="options-error"><span class="visually-hidden">Error: </span>Give two options.</p>`,
			`<p class="field-error" id="right-error"><span class="visually-hidden">Error: </span>Mark one.</p>`,
			`name="option_1" value="" autocomplete="off" aria-invalid="true">`,
			`aria-describedby="title-hint">`, `aria-describedby="answer-hint">`,
		},
		notWant: []string{"weights-error", "title-error", "answer-error", `<div class="alert" id="form-error" role="alert"><p>The question could not`},
		hostile: true,
	},
	{
		name: "question_form/edit multiple choice, generated",
		page: "question_form",
		data: editQuestion("multiple_choice", QuestionForm{QuestionTitle: "Where " + hostile, Tags: "places, raid", Feedback: "See the lead.",
			Source: "They reached " + hostile + ".", Origin: "generated", Right: 1,
			Options: []OptionRow{{N: 1, Text: "Niamey", Feedback: "Yes"}, {N: 2, Text: "Gao", Weight: "-100"}, {N: 3}}}),
		want: editQuestionWant("multiple_choice", "Multiple choice",
			"<title>Edit question · factquiz</title>",
			"<legend>Options</legend>", "Mark the right option.",
			`<input type="text" id="option-1" name="option_1" value="Niamey"`,
			`<input type="text" id="option-2" name="option_2" value="Gao"`,
			`<input type="radio" id="right-1" name="right" value="1" checked>`,
			`<input type="radio" id="right-2" name="right" value="2">`,
			`name="option_feedback_1" value="Yes"`,
			`value="Where `+escaped+`"`, `value="places, raid"`, ">See the lead.</textarea>",
			"<figcaption>Generated from this sentence:</figcaption>",
			"<blockquote>They reached "+escaped+".</blockquote>",
			"Saving makes this question yours (origin manual): regenerating the article will not overwrite it.",
		),
		notWant: append(fieldsBut("multiple_choice"), "Weight (%)", "-100", "multiple_answer", `role="alert"`, "<title>Where"),
		hostile: true,
		check:   oneSection,
	},
	{
		name: "question_form/edit multiple answer with an error",
		page: "question_form",
		data: editQuestion("multiple_answer", QuestionForm{Origin: "manual",
			Options: []OptionRow{{N: 1, Text: "Niamey", Weight: "50"}, {N: 2, Text: "Gao", Weight: "40"}, {N: 3, Text: "Oslo", Weight: "-100"}},
			Errors:  map[string]string{"weights": "The right options add up to 90, not 100: " + hostile}}),
		want: editQuestionWant("multiple_answer", "Multiple answers",
			"<th scope=\"col\">Weight (%)</th>",
			"Weights are percents of the credit: right options add up to 100, wrong ones 0 or less.",
			`aria-describedby="weights-error options-hint"`,
			`<p class="field-error" id="weights-error"><span class="visually-hidden">Error: </span>The right options add up to 90, not 100: `+escaped+`</p>`,
			`id="weight-1" name="weight_1" value="50" step="any" placeholder="e.g. 50 or -100" inputmode="decimal" aria-invalid="true">`,
			`name="weight_3" value="-100"`,
			`<div class="alert" id="form-error" role="alert">`,
		),
		notWant: append(fieldsBut("multiple_answer"), "<blockquote", "Saving makes this question yours", "Mark the right option"),
		hostile: true,
		check:   oneSection,
	},
	{
		name: "question_form/edit true or false, manual with a source",
		page: "question_form",
		data: editQuestion("true_false", QuestionForm{Truth: "false", Source: "The raid was in 2011.", Origin: "manual"}),
		want: editQuestionWant("true_false", "True or false",
			"<legend>The statement is</legend>",
			`<input type="radio" id="truth-true" name="truth" value="true">`,
			`<input type="radio" id="truth-false" name="truth" value="false" checked>`,
			"<blockquote>The raid was in 2011.</blockquote>",
		),
		notWant: append(fieldsBut("true_false"), "Saving makes this question yours", "aria-invalid"),
		check:   oneSection,
	},
	{
		name: "question_form/edit fill in the blank with errors",
		page: "question_form",
		data: editQuestion("fill_blank", QuestionForm{Prompt: "They reached _____.", Answer: hostile, Accepted: "niamey\nthe capital",
			Errors: map[string]string{"answer": "Give the answer.", "accepted": "Too long: " + hostile}}),
		want: []string{
			`<input type="hidden" name="type" value="fill_blank">`, `<strong>Type:</strong> Fill in the blank</p>`,
			`data-type="fill_blank"`, "<legend>Right answer</legend>", "The words that fill the blank.",
			`<p class="field-error" id="answer-error"><span class="visually-hidden">Error: </span>Give the answer.</p>`,
			`<input type="text" id="answer" name="answer" value="` + escaped + `" autocomplete="off"`,
			`aria-describedby="answer-error answer-hint" aria-invalid="true">`,
			`<p class="field-error" id="accepted-error"><span class="visually-hidden">Error: </span>Too long: ` + escaped + `</p>`,
			"aria-describedby=\"accepted-error accepted-hint\" aria-invalid=\"true\">niamey\nthe capital</textarea>",
			"Other answers that count as right, one a line.",
		},
		notWant: append(fieldsBut("fill_blank"), `inputmode="decimal"`),
		hostile: true,
		check:   oneSection,
	},
	{
		name: "question_form/edit numeric",
		page: "question_form",
		data: editQuestion("numeric", QuestionForm{Answer: "1500", Tolerance: "10"}),
		want: editQuestionWant("numeric", "Number",
			`<input type="text" inputmode="decimal" id="answer" name="answer" value="1500"`,
			`<input class="short" type="text" inputmode="decimal" id="tolerance" name="tolerance" value="10"`,
			"How far from the answer still counts as right; 0 for exact.",
		),
		notWant: append(fieldsBut("numeric"), "aria-invalid"),
		check:   oneSection,
	},
	{
		name: "question_form/edit ordering with an error",
		page: "question_form",
		data: editQuestion("ordering", QuestionForm{Items: "The raid\n" + hostile, Errors: map[string]string{"items": "Give at least two items."}}),
		want: editQuestionWant("ordering", "Put in order",
			"<legend>Items</legend>",
			`<p class="field-error" id="items-error"><span class="visually-hidden">Error: </span>Give at least two items.</p>`,
			"aria-describedby=\"items-error items-hint\" aria-invalid=\"true\">The raid\n"+escaped+"</textarea>",
		),
		notWant: fieldsBut("ordering"),
		hostile: true,
		check:   oneSection,
	},
	{
		name: "question_form/edit matching with a form error",
		page: "question_form",
		data: editQuestion("matching", QuestionForm{Pairs: "Niger -> Niamey\nMali -> " + hostile,
			Errors: map[string]string{"": "The question could not be saved: " + hostile}}),
		want: editQuestionWant("matching", "Matching",
			"<legend>Pairs</legend>",
			`<div class="alert" id="form-error" role="alert"><p>The question could not be saved: `+escaped+`</p></div>`,
			"aria-describedby=\"pairs-hint\">Niger -&gt; Niamey\nMali -&gt; "+escaped+"</textarea>",
		),
		notWant: append(fieldsBut("matching"), "aria-invalid", "please check the fields marked below"),
		hostile: true,
		check:   oneSection,
	},
	{
		name: "home/open quizzes",
		page: "home",
		data: HomePage{Page: as(learner, "Articles"), DefaultCount: 10,
			Articles: []ArticleItem{{ID: 3, Title: "2011 Tabankort raid", Questions: 24}},
			Quizzes: []QuizItem{
				{ID: 5, Name: "Week 1 " + hostile, Questions: "12 chosen questions", Open: true, When: "open until 3 Dec 2026 09:00 UTC", ShareURL: "/q/3fa9c0"},
				{ID: 6, Name: "Practice", Questions: "10 random from every article", Open: true, When: "always open", ShareURL: "/q/77aa01"},
			}},
		want: []string{
			`<section class="home-quizzes" aria-labelledby="home-quizzes-heading">`,
			`<h2 id="home-quizzes-heading">Quizzes</h2>`,
			`<h3 class="quiz-item__title"><a href="/q/3fa9c0">Week 1 ` + escaped + `</a></h3>`,
			`<p class="meta">12 chosen questions · open until 3 Dec 2026 09:00 UTC</p>`,
			`<a href="/q/77aa01">Practice</a>`, "10 random from every article · always open",
			`action="/articles/3/attempts"`,
		},
		notWant: []string{"/quizzes/5", "/report"},
		hostile: true,
		check: func(t *testing.T, out string) {
			quizzes, articles := strings.Index(out, `id="home-quizzes-heading"`), strings.Index(out, `class="cards article-list"`)
			if quizzes < 0 || articles < 0 || quizzes > articles {
				t.Error("the quizzes are not above the articles")
			}
		},
	},
	{
		name: "quizzes",
		page: "quizzes",
		data: QuizzesPage{Page: as(instructor, "Quizzes"), Quizzes: []QuizItem{
			{ID: 5, Name: "Week 1 " + hostile, Questions: "12 chosen questions", Open: true, When: "open until 3 Dec 2026 09:00 UTC", ShareURL: "/q/3fa9c0"},
			{ID: 6, Name: "Final", Questions: "10 random from 2 articles, tag week " + hostile, When: "opens 1 Dec 2026 09:00 UTC", ShareURL: "/q/77aa01"},
		}},
		want: all(instructorNav, []string{
			"<title>Quizzes · factquiz</title>",
			`<h1 id="quizzes-heading">Quizzes</h1>`,
			`<form class="quiz-create card" method="post" action="/quizzes">`,
			`<input type="hidden" name="mode" value="chosen">`,
			`<label for="new-quiz-name">Name of a new quiz</label>`,
			`<input type="text" id="new-quiz-name" name="name" autocomplete="off" required aria-describedby="new-quiz-name-hint">`,
			`<button class="button primary" type="submit">New quiz</button>`,
			`<div class="table-wrap" role="region" aria-labelledby="quizzes-heading" tabindex="0">`,
			`<th scope="row"><a href="/quizzes/5/edit">Week 1 ` + escaped + `</a></th>`,
			`<th scope="row"><a href="/quizzes/6/edit">Final</a></th>`,
			"<td>12 chosen questions</td>", "<td>10 random from 2 articles, tag week " + escaped + "</td>",
			`<span class="badge quiz-state quiz-state--open">Open</span>`,
			`<span class="quiz-state__when">open until 3 Dec 2026 09:00 UTC</span>`,
			`<span class="badge quiz-state quiz-state--closed">Closed</span>`,
			`<span class="quiz-state__when">opens 1 Dec 2026 09:00 UTC</span>`,
			`<td class="share-cell"><a href="/q/3fa9c0">/q/3fa9c0</a></td>`,
			`<a href="/q/77aa01">/q/77aa01</a>`,
			`<a href="/quizzes/5/report">Report<span class="visually-hidden"> on Week 1 ` + escaped + `</span></a>`,
			`<a href="/quizzes/6/report">Report`,
		}),
		notWant: []string{"There are no quizzes yet", `role="alert"`},
		hostile: true,
		check: func(t *testing.T, out string) {
			for el, n := range map[string]int{"quiz-state--open": 1, "quiz-state--closed": 1, "<tr>": 3} {
				if got := strings.Count(out, el); got != n {
					t.Errorf("%d × %s, want %d", got, el, n)
				}
			}
		},
	},
	{
		name:    "quizzes/empty",
		page:    "quizzes",
		data:    QuizzesPage{Page: as(instructor, "Quizzes")},
		want:    []string{`action="/quizzes"`, "There are no quizzes yet.", `<a href="/bank">question bank</a>`},
		notWant: []string{"<table", "/report"},
	},
	{
		name: "quiz_form/new",
		page: "quiz_form",
		data: QuizSettingsPage{Page: as(instructor, "New quiz"), Mode: "chosen",
			Articles: []ArticleItem{{ID: 3, Title: "Raid"}, {ID: 4, Title: "Trial"}}, Tags: []string{"dates"}},
		want: all(quizFields, []string{
			"<title>New quiz · factquiz</title>", "<h1>New quiz</h1>",
			`<p class="meta"><a href="/quizzes">All quizzes</a></p>`,
			`<form class="settings-form" method="post" action="/quizzes">`,
			`<input type="text" id="name" name="name" value="" autocomplete="off" required`,
			`<input type="radio" id="mode-chosen" name="mode" value="chosen" checked>`,
			`<label for="mode-chosen">Questions I choose from the question bank</label>`,
			`<input type="radio" id="mode-rule" name="mode" value="rule">`,
			`<label for="mode-rule">Random questions by a rule</label>`,
			`name="rule_count" min="1" max="100" step="1" value=""`,
			`<input type="checkbox" id="rule-article-3" name="rule_articles" value="3">`,
			`<label for="rule-article-3">Raid</label>`,
			`<option value="" selected>Any tag</option>`, `<option value="dates">dates</option>`,
			`<input type="checkbox" id="shuffle-questions" name="shuffle_questions" value="on">`,
			`<input type="checkbox" id="shuffle-options" name="shuffle_options" value="on">`,
			`name="time_limit" min="0" max="1440" step="1" value="0"`,
			`name="attempts_allowed" min="0" max="1000" step="1" value="0"`,
			`<input type="radio" id="feedback-each" name="feedback_mode" value="each" checked>`,
			`<label for="feedback-each">After each answer</label>`,
			`<label for="feedback-end">At the end</label>`, `<label for="feedback-never">Never</label>`,
			`<input type="datetime-local" id="opens-at" name="opens_at" value=""`,
			`<input type="datetime-local" id="closes-at" name="closes_at" value=""`,
			`<p class="hint" id="times-hint">Times are UTC.`,
			`name="pass_mark" min="0" max="100" step="1" value="0"`,
			`<button class="button primary" type="submit">Save quiz</button>`,
		}),
		notWant: []string{`role="alert"`, "aria-invalid", "field-error", "Chosen questions", "share-url", "/report", "/questions/"},
		check: func(t *testing.T, out string) {
			if n := strings.Count(out, " checked"); n != 2 {
				t.Errorf("%d checked, want the chosen mode and feedback after each answer", n)
			}
		},
	},
	{
		name: "quiz_form/new with errors",
		page: "quiz_form",
		data: QuizSettingsPage{Page: as(instructor, "New quiz"), Name: hostile, Mode: "rule", RuleArticles: []uint{4}, RuleTag: "week " + hostile,
			TimeLimit: 2000, AttemptsAllowed: -1, FeedbackMode: "end", OpensAt: "2026-12-01T09:00", ClosesAt: "soon " + hostile, PassMark: 150,
			Articles: []ArticleItem{{ID: 3, Title: "Raid"}, {ID: 4, Title: hostile}}, Tags: []string{"dates", "week " + hostile},
			Errors: map[string]string{
				"name": "Too long: " + hostile, "rule_count": "Say how many questions the rule draws, from 1 to 100.",
				"rule_articles": "Choose articles from the list.", "rule_tag": "No such tag.",
				"time_limit": "At most 1440.", "attempts_allowed": "Not below 0.", "feedback_mode": "Choose one.",
				"opens_at": "Not a time.", "closes_at": "This must be a date and time such as 2026-12-01T09:00.", "pass_mark": "From 0 to 100.",
			}},
		want: all(quizFields, []string{
			`<form class="settings-form" method="post" action="/quizzes">`,
			`<div class="alert" id="form-error" role="alert"><p>The quiz was not saved: please check the fields marked below.</p></div>`,
			`<p class="field-error" id="name-error"><span class="visually-hidden">Error: </span>Too long: ` + escaped + `</p>`,
			`name="name" value="` + escaped + `"`, `aria-describedby="name-error name-hint" aria-invalid="true">`,
			`<input type="radio" id="mode-chosen" name="mode" value="chosen">`,
			`<input type="radio" id="mode-rule" name="mode" value="rule" checked>`,
			`<p class="field-error" id="rule-count-error">`,
			`aria-describedby="rule-count-error rule-count-hint" aria-invalid="true">`,
			`<fieldset class="field" aria-describedby="rule-articles-error rule-articles-hint">`,
			`<input type="checkbox" id="rule-article-3" name="rule_articles" value="3" aria-invalid="true">`,
			`<input type="checkbox" id="rule-article-4" name="rule_articles" value="4" checked aria-invalid="true">`,
			`<label for="rule-article-4">` + escaped + `</label>`,
			`<select id="rule-tag" name="rule_tag" aria-describedby="rule-tag-error" aria-invalid="true">`,
			`<option value="">Any tag</option>`,
			`<option value="week ` + escaped + `" selected>week ` + escaped + `</option>`,
			`value="2000" inputmode="numeric"`, `aria-describedby="time-limit-error time-limit-hint" aria-invalid="true">`,
			`value="-1" inputmode="numeric"`, `aria-describedby="attempts-allowed-error attempts-allowed-hint" aria-invalid="true">`,
			`<fieldset class="field" aria-describedby="feedback-mode-error">`,
			`<input type="radio" id="feedback-end" name="feedback_mode" value="end" checked aria-invalid="true">`,
			`<input type="radio" id="feedback-each" name="feedback_mode" value="each" aria-invalid="true">`,
			`name="opens_at" value="2026-12-01T09:00"`, `aria-describedby="opens-at-error times-hint" aria-invalid="true">`,
			`name="closes_at" value="soon ` + escaped + `"`, `aria-describedby="closes-at-error times-hint" aria-invalid="true">`,
			`<p class="field-error" id="closes-at-error"><span class="visually-hidden">Error: </span>This must be a date and time such as 2026-12-01T09:00.</p>`,
			`value="150" inputmode="numeric"`, `aria-describedby="pass-mark-error pass-mark-hint" aria-invalid="true">`,
		}),
		notWant: []string{"Chosen questions", "share-url", "shuffle-questions-error", `value="dates" selected`, " selected>Any tag"},
		hostile: true,
		check: func(t *testing.T, out string) {
			if n := strings.Count(out, `class="field-error"`); n != 10 {
				t.Errorf("%d field errors, want 10", n)
			}
		},
	},
	{
		name: "quiz_form/new with a form error",
		page: "quiz_form",
		data: QuizSettingsPage{Page: as(instructor, "New quiz"), Name: "Week 1", Mode: "chosen",
			Errors: map[string]string{"": "The quiz could not be saved: " + hostile}},
		want:    []string{`<div class="alert" id="form-error" role="alert"><p>The quiz could not be saved: ` + escaped + `</p></div>`, `<p class="note">There are no articles yet.</p>`},
		notWant: []string{"aria-invalid", "please check the fields", "field-error"},
		hostile: true,
	},
	{
		name: "quiz_form/edit with chosen questions",
		page: "quiz_form",
		data: QuizSettingsPage{Page: as(instructor, "Week 1"), ID: 5, Name: "Week 1", Mode: "chosen",
			ShuffleQuestions: true, TimeLimit: 20, AttemptsAllowed: 3, FeedbackMode: "never",
			OpensAt: "2026-12-01T09:00", ClosesAt: "2026-12-08T17:30", PassMark: 60,
			Articles: []ArticleItem{{ID: 3, Title: "Raid"}}, ShareURL: "https://quiz.example/q/3fa9c0",
			Chosen: []BankItem{
				{ID: 11, ArticleID: 3, Type: "fill_blank", Label: "Fill in the blank", Prompt: "They reached _____.", Answer: "Niamey", Status: "approved"},
				{ID: 12, ArticleID: 3, Type: "multiple_answer", Label: "Multiple answers", Prompt: hostile, Answer: "Gao; " + hostile, Status: "generated"},
				{ID: 13, ArticleID: 3, Type: "ordering", Label: "Put in order", Prompt: "Order them.", Status: "retired"},
			}},
		want: all(quizFields, []string{
			"<title>Week 1 · factquiz</title>", "<h1>Week 1</h1>",
			`<p class="meta"><a href="/quizzes">All quizzes</a> · <a href="/quizzes/5/report">Report</a></p>`,
			`<form class="settings-form" method="post" action="/quizzes/5">`,
			`name="name" value="Week 1"`,
			`<input type="radio" id="mode-chosen" name="mode" value="chosen" checked>`,
			`<input type="checkbox" id="shuffle-questions" name="shuffle_questions" value="on" checked>`,
			`<input type="checkbox" id="shuffle-options" name="shuffle_options" value="on">`,
			`name="time_limit" min="0" max="1440" step="1" value="20"`,
			`name="attempts_allowed" min="0" max="1000" step="1" value="3"`,
			`<input type="radio" id="feedback-never" name="feedback_mode" value="never" checked>`,
			`<input type="radio" id="feedback-each" name="feedback_mode" value="each">`,
			`name="opens_at" value="2026-12-01T09:00"`, `name="closes_at" value="2026-12-08T17:30"`,
			`name="pass_mark" min="0" max="100" step="1" value="60"`,
			`<h2 id="share-heading">Share</h2>`,
			`<label for="share-url">Link for learners</label>`,
			"learners also see open quizzes on their home page",
			`<input type="text" id="share-url" value="https://quiz.example/q/3fa9c0" readonly aria-describedby="share-hint">`,
			`<a href="https://quiz.example/q/3fa9c0">Open the quiz’s page</a>`,
			`<h2 id="chosen-heading">Chosen questions</h2>`,
			`<p class="chosen-item__prompt">They reached _____.</p>`,
			`<p class="chosen-item__meta">Fill in the blank <span class="badge status status--approved">Approved</span></p>`,
			`<p class="chosen-item__answer"><small>Answer: Niamey</small></p>`,
			`<p class="chosen-item__prompt">` + escaped + `</p>`,
			`<small>Answer: Gao; ` + escaped + `</small>`,
			`<span class="badge status status--generated">Generated</span>`,
			`<span class="badge status status--retired">Retired</span>`,
			`<form method="post" action="/quizzes/5/questions/11/delete">`,
			`<form method="post" action="/quizzes/5/questions/12/delete">`,
			`<form method="post" action="/quizzes/5/questions/13/delete">`,
			`<button class="button small" type="submit">Remove<span class="visually-hidden"> “They reached _____.”</span></button>`,
			`Remove<span class="visually-hidden"> “` + escaped + `”</span>`,
			`<a class="button" href="/bank" aria-describedby="add-hint">Add questions from the question bank</a>`,
			"choose the action “Add to quiz”",
		}),
		notWant: []string{`role="alert"`, "aria-invalid", "No questions chosen yet", "does not use the chosen questions", `action="/quizzes"`},
		hostile: true,
		check: func(t *testing.T, out string) {
			if n := strings.Count(out, `<li class="chosen-item card">`); n != 3 {
				t.Errorf("%d chosen questions, want 3", n)
			}
			if strings.Count(out, "Answer: ") != 2 {
				t.Error("want an answer line for the two questions that have one")
			}
		},
	},
	{
		name: "quiz_form/edit by a rule, none chosen",
		page: "quiz_form",
		data: QuizSettingsPage{Page: as(instructor, "Final"), ID: 6, Name: "Final", Mode: "rule", RuleCount: 10, RuleArticles: []uint{5, 3},
			RuleTag: "dates", ShuffleOptions: true, FeedbackMode: "each", ShareURL: "https://quiz.example/q/77aa01",
			Articles: []ArticleItem{{ID: 3, Title: "Raid"}, {ID: 4, Title: "Trial"}, {ID: 5, Title: "Aftermath"}}, Tags: []string{"dates", "people"}},
		want: all(quizFields, []string{
			`<form class="settings-form" method="post" action="/quizzes/6">`,
			`<input type="radio" id="mode-rule" name="mode" value="rule" checked>`,
			`name="rule_count" min="1" max="100" step="1" value="10"`,
			`<input type="checkbox" id="rule-article-3" name="rule_articles" value="3" checked>`,
			`<input type="checkbox" id="rule-article-4" name="rule_articles" value="4">`,
			`<input type="checkbox" id="rule-article-5" name="rule_articles" value="5" checked>`,
			`<option value="dates" selected>dates</option>`, `<option value="people">people</option>`, `<option value="">Any tag</option>`,
			`<input type="checkbox" id="shuffle-options" name="shuffle_options" value="on" checked>`,
			`<input type="radio" id="feedback-each" name="feedback_mode" value="each" checked>`,
			"This quiz draws random questions by its rule, so it does not use the chosen questions.",
			`<div class="empty"><p>No questions chosen yet.</p></div>`,
			`href="/bank" aria-describedby="add-hint">Add questions from the question bank</a>`,
		}),
		notWant: []string{"/delete", "chosen-item", `role="alert"`},
		check: func(t *testing.T, out string) {
			if n := strings.Count(out, " checked"); n != 5 {
				t.Errorf("%d checked, want 5: the mode, two articles, shuffle options, feedback", n)
			}
		},
	},
	{
		name: "quiz_start/open, timed, guest",
		page: "quiz_start",
		data: QuizStartPage{Page: Page{Title: "Week 1 " + hostile, CSRF: csrf, Path: "/q/3fa9c0"}, Token: "3fa9c0", Name: "Week 1 " + hostile,
			Questions: 12, TimeLimit: 20, AttemptsLeft: 2, Allowed: 3, Used: 1, FeedbackMode: "end", PassMark: 60, Open: true,
			When: "open until 3 Dec 2026 09:00 UTC", Closes: day3},
		want: all(guestNav, []string{
			"<title>Week 1 " + escaped + " · factquiz</title>",
			"<h1>Week 1 " + escaped + "</h1>",
			`<span class="badge quiz-state quiz-state--open">Open</span> <span class="quiz-state__when">open until 3 Dec 2026 09:00 UTC</span>`,
			"<li>12 questions.</li>",
			"<li>You have 20 minutes once you start; answers after that do not count.</li>",
			"<li>2 of 3 attempts left (1 used).</li>",
			"<li>You see which answers were right at the end.</li>",
			"<li>The pass mark is 60 %.</li>",
			`<form class="actions" method="post" action="/q/3fa9c0/attempts">`,
			`<button class="button primary" type="submit">Start the quiz</button>`,
			`<a href="/login?next=%2Fq%2F3fa9c0">Log in</a>`, `<a href="/signup?next=%2Fq%2F3fa9c0">sign up</a>`,
		}),
		notWant: []string{`role="alert"`, "cannot be started", "used every attempt", "No limit"},
		hostile: true,
	},
	{
		name: "quiz_start/not open yet",
		page: "quiz_start",
		data: QuizStartPage{Page: as(learner, "Final"), Token: "77aa01", Name: "Final", Questions: 1, TimeLimit: 1, AttemptsLeft: -1,
			FeedbackMode: "each", When: "opens 1 Dec 2026 09:00 UTC"},
		want: []string{
			`<span class="badge quiz-state quiz-state--closed">Closed</span>`,
			"<li>1 question.</li>", "<li>You have 1 minute once you start;",
			"<li>No limit on attempts.</li>",
			"<li>You see whether each answer was right as you go.</li>",
			`<p class="note">This quiz cannot be started now: it opens 1 Dec 2026 09:00 UTC.</p>`,
		},
		notWant: []string{"/attempts", "Start the quiz", "pass mark", "used)", "as a guest"},
		hostile: true, // the learner's name in the header
	},
	{
		name: "quiz_start/no attempts left, with an error",
		page: "quiz_start",
		data: QuizStartPage{Page: as(learner, "Week 1"), Token: "3fa9c0", Name: "Week 1", Questions: 12, AttemptsLeft: 0, Allowed: 3, Used: 3,
			FeedbackMode: "never", Open: true, When: "always open", Error: "You have used every attempt this quiz allows: " + hostile},
		want: []string{
			"<li>0 of 3 attempts left (3 used).</li>",
			"<li>You see your score at the end, but not which answers were right.</li>",
			`<div class="alert" id="start-error" role="alert"><p>You have used every attempt this quiz allows: ` + escaped + `</p></div>`,
			`You have used every attempt this quiz allows. Your scores are on your <a href="/dashboard">dashboard</a>.`,
		},
		notWant: []string{"/attempts", "Start the quiz", "minute", "pass mark", "cannot be started"},
		hostile: true,
	},
	{
		name: "quiz_start/no limit, used before",
		page: "quiz_start",
		data: QuizStartPage{Page: as(instructor, "Practice"), Token: "77aa01", Name: "Practice", Questions: 10, AttemptsLeft: -1, Used: 2,
			FeedbackMode: "each", Open: true, When: "always open"},
		want:    []string{"<li>No limit on attempts (2 used).</li>", `action="/q/77aa01/attempts"`, "Start the quiz"},
		notWant: []string{"minute", "pass mark", "as a guest", `role="alert"`},
	},
	{
		name: "question/timed",
		page: "question",
		data: timed(ask("fill_blank", AskView{Label: "Fill in the blank", Prompt: "They reached _____."}), 754),
		want: []string{
			`<p class="timer" role="timer" aria-live="off" data-time-left="754">Time left: 12:34</p>`,
			`<input type="text" id="answer" name="answer"`,
		},
		notWant: []string{"Time is up"},
	},
	{
		name:    "question/time is up",
		page:    "question",
		data:    timed(ask("true_false", AskView{Label: "True or false", Prompt: "The raid failed."}), 0),
		want:    []string{`<p class="timer timer--up" role="timer" aria-live="off" data-time-left="0">Time is up</p>`},
		notWant: []string{"Time left"},
	},
	{
		name: "question/multiple answer",
		page: "question",
		data: timed(ask("multiple_answer", AskView{Label: "Multiple answers", Prompt: "Which cities are in Niger?",
			Options: []string{"Niamey", "Gao", hostile, "Agadez", "Oslo", "Lima", "Rome", "Bern", "Kano", "Zinder"}, Given: "Agadez"}), 3600),
		want: []string{
			`data-time-left="3600">Time left: 60:00</p>`,
			`<form class="answer-form" method="post" action="/attempts/7/answers" data-question-type="multiple_answer">`,
			`<fieldset aria-describedby="answers-hint">`,
			`<legend><h1 class="prompt" id="prompt">Which cities are in Niger?</h1></legend>`,
			`<p class="hint" id="answers-hint">Choose every right answer.</p>`,
			`<input type="checkbox" id="answer-0" name="answer" value="Niamey" aria-keyshortcuts="1">`,
			`<input type="checkbox" id="answer-2" name="answer" value="` + escaped + `" aria-keyshortcuts="3">`,
			`<input type="checkbox" id="answer-3" name="answer" value="Agadez" checked aria-keyshortcuts="4">`,
			`<kbd class="keyhint" aria-hidden="true">9</kbd>`,
			`<input type="checkbox" id="answer-9" name="answer" value="Zinder">`,
			`<span class="option__text">` + escaped + `</span>`,
			`<button class="button primary" type="submit">Check answer</button>`,
		},
		notWant: []string{`type="radio"`, "required", "Choose one answer.", `aria-keyshortcuts="10"`},
		hostile: true,
		check: func(t *testing.T, out string) {
			if n := strings.Count(out, `type="checkbox"`); n != 10 {
				t.Errorf("%d checkboxes, want 10", n)
			}
		},
	},
	{
		name: "question/multiple answer with an error",
		page: "question",
		data: func() QuestionPage {
			p := ask("multiple_answer", AskView{Label: "Multiple answers", Prompt: "Which?", Options: []string{"A", "B"}})
			p.Error = "Choose at least one answer."
			return p
		}(),
		want: []string{
			`<div class="alert" id="answer-error" role="alert"><p>Choose at least one answer.</p></div>`,
			`<fieldset aria-describedby="answer-error answers-hint">`,
		},
		notWant: []string{" checked", "data-time-left"},
	},
	{
		name: "bank/with quizzes",
		page: "bank",
		data: func() BankPage {
			p := bankPage()
			p.Quizzes = []Choice{{"5", "Week 1"}, {"6", "Final " + hostile}}
			return p
		}(),
		want: []string{
			`<option value="quiz">Add to quiz</option>`,
			`<label for="bulk-quiz">Quiz</label>`,
			`<select id="bulk-quiz" name="quiz_id" aria-describedby="bulk-hint">`,
			`<option value="">Choose a quiz…</option>`,
			`<option value="5">Week 1</option>`,
			`<option value="6">Final ` + escaped + `</option>`,
			"the quiz for adding to a quiz.",
		},
		notWant: []string{"bulk-quiz-hint", "make a quiz first"},
		hostile: true,
		check: func(t *testing.T, out string) {
			bulk := regexp.MustCompile(`(?s)<form class="bank-bulk".*?</form>`).FindString(out)
			if !strings.Contains(bulk, `name="quiz_id"`) {
				t.Error("the quiz select is not in the bulk form")
			}
		},
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
			if tt.check != nil {
				tt.check(t, out)
			}
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
		`<a class="site-name" href="/">factquiz</a>`, `<nav aria-label="Main">`, `<a href="/">Home</a>`,
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

func TestTimeLeft(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		seconds int
		want    string
	}{
		{1, "Time left: 0:01"},
		{9, "Time left: 0:09"},
		{59, "Time left: 0:59"},
		{60, "Time left: 1:00"},
		{61, "Time left: 1:01"},
		{600, "Time left: 10:00"},
		{24*60*60 - 1, "Time left: 1439:59"},
	} {
		t.Run(tt.want, func(t *testing.T) {
			var buf bytes.Buffer
			p := timed(ask("fill_blank", AskView{Label: "Fill in the blank", Prompt: "They reached _____."}), tt.seconds)
			if err := r.Render(&buf, "question", p); err != nil {
				t.Fatal(err)
			}
			if want := ">" + tt.want + "</p>"; !strings.Contains(buf.String(), want) {
				t.Errorf("%d seconds: output lacks %q", tt.seconds, want)
			}
		})
	}
}
