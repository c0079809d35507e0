package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/demo"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestWorkspaceLanguages checks that a signed-in analyst reads the workspace
// in the language asked for by Accept-Language or the URL prefix, and in
// English when the request names no language.
func TestWorkspaceLanguages(t *testing.T) {
	db := storetest.Open(t)
	if _, err := demo.Load(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	addUser(t, db, "reader", inquest.RoleAnalyst)
	c := newClient(t, NewServer(db, Options{}).Handler())
	c.login("reader")
	base := "/w/cases/" + demo.CaseSlug
	tests := []struct {
		name, path, accept string
		want, notWant      []string
	}{
		{"review in English", base + "/review", "", []string{"<h1>Review", ">Queue <", ">Confirm</button>", ">Log out</button>"}, []string{"Проверка", "Очередь"}},
		{"review by Accept-Language", base + "/review", "ru-RU,ru;q=0.9,en;q=0.5", []string{"<h1>Проверка", ">Очередь <", ">Подтвердить</button>", ">Выйти</button>", ">Поиск</a>"}, []string{"<h1>Review", ">Queue <"}},
		{"review by prefix", "/ru" + base + "/review", "", []string{"<h1>Проверка", ">Очередь <"}, []string{"<h1>Review"}},
		{"search in English", base + "/search", "", []string{"<h1>Search</h1>", ">Search</button>"}, []string{"Поиск"}},
		{"search by Accept-Language", base + "/search", "ru", []string{"<h1>Поиск</h1>", ">Поиск</button>", `name="q"`}, []string{"<h1>Search"}},
		{"chapters in English", base + "/chapters", "", []string{"<h1>Chapters</h1>", "<h2>New chapter</h2>", ">Create draft</button>"}, []string{"Главы"}},
		{"chapters by Accept-Language", base + "/chapters", "ru", []string{"<h1>Главы</h1>", "<h2>Новая глава</h2>", ">Создать черновик</button>", `name="slug"`}, []string{"<h1>Chapters", "New chapter"}},
		{"chapters by prefix", "/ru" + base + "/chapters", "", []string{"<h1>Главы</h1>"}, []string{"<h1>Chapters"}},
		{"chapters in Kazakh", base + "/chapters", "kk", []string{"<h1>Тараулар</h1>", "<h2>Жаңа тарау</h2>"}, []string{"<h1>Chapters"}},
		{"prefix wins over Accept-Language", "/en" + base + "/chapters", "ru", []string{"<h1>Chapters</h1>"}, []string{"Главы"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.headers["Accept-Language"] = tt.accept
			defer delete(c.headers, "Accept-Language")
			rec := c.do("GET", tt.path, nil)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s: status %d, want 200", tt.path, rec.Code)
			}
			got := rec.Body.String()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("GET %s (Accept-Language %q): page lacks %q", tt.path, tt.accept, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("GET %s (Accept-Language %q): page has %q", tt.path, tt.accept, w)
				}
			}
		})
	}
}

// TestWorkspaceFlashTranslated checks the messages shown after an action.
func TestWorkspaceFlashTranslated(t *testing.T) {
	tests := []struct{ lang, msg, want string }{
		{"ru", "Draft saved.", "Черновик сохранён."},
		{"ru", "Version 3 published.", "Версия 3 опубликована."},
		{"ru", "Statement 12: speaker is now Иван Петров.", "Высказывание 12: теперь говорящий — Иван Петров."},
		{"ru", "Confirmed 4 statement(s) of source 7.", "Подтверждено высказываний источника 7: 4."},
		{"ru", "Statement 5: stance recorded. 2 contradiction(s) now hold on that claim.", "Высказывание 5: позиция записана. Противоречий по этому утверждению: 2."},
		{"ru", "statement 9 rejected.", "Высказывание 9 отклонено."},
		{"kk", "Draft saved.", "Жоба сақталды."},
		{"kk", "Statement 12: speaker is now X.", "Statement 12: speaker is now X."},
		{"en", "Version 3 published.", "Version 3 published."},
		{"ru", "Something unforeseen.", "Something unforeseen."},
	}
	for _, tt := range tests {
		if got := translateFlash(tt.lang, tt.msg); got != tt.want {
			t.Errorf("translateFlash(%q, %q) = %q, want %q", tt.lang, tt.msg, got, tt.want)
		}
	}
}
