package store_test

import (
	"context"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

func TestChapterLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := &inquest.Case{Slug: "january-events", Title: "January events", Public: true}
		if err := db.CreateCase(ctx, c); err != nil {
			t.Fatal(err)
		}
		one := &inquest.Chapter{CaseID: c.ID, Slug: "terrorists", Title: "Terrorists?", Body: "First [@s1]."}
		if err := db.CreateChapter(ctx, one, "dana"); err != nil {
			t.Fatal(err)
		}
		two := &inquest.Chapter{CaseID: c.ID, Slug: "toll", Title: "The toll", Body: "Draft only."}
		if err := db.CreateChapter(ctx, two, "dana"); err != nil {
			t.Fatal(err)
		}
		if one.Number != 1 || two.Number != 2 || one.Status != inquest.Draft || one.Version != 1 {
			t.Fatalf("created: %+v %+v, want numbers 1 and 2, drafts of version 1", one, two)
		}
		if err := db.CreateChapter(ctx, &inquest.Chapter{CaseID: c.ID, Slug: "toll", Title: "Again"}, "dana"); inquest.ErrorCode(err) != inquest.ECONFLICT {
			t.Errorf("second chapter with slug toll: %v, want conflict", err)
		}
		published := func() []*inquest.Chapter {
			t.Helper()
			got, err := db.PublishedChapters(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		if got := published(); len(got) != 0 {
			t.Errorf("before publication readers get %d chapters, want none", len(got))
		}
		if err := db.SubmitChapter(ctx, one.ID, "dana"); err != nil {
			t.Fatal(err)
		}
		if err := db.SubmitChapter(ctx, one.ID, "dana"); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("submitting twice: %v, want invalid", err)
		}
		v1, err := db.PublishChapter(ctx, one.ID, "editor")
		if err != nil {
			t.Fatal(err)
		}
		if v1.Version != 1 || v1.Body != "First [@s1]." || v1.PublishedAt.IsZero() {
			t.Errorf("published version: %+v", v1)
		}
		if _, err := db.PublishChapter(ctx, one.ID, "editor"); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("publishing twice: %v, want invalid", err)
		}
		// A new draft of a published chapter stays private; readers keep v1.
		edit := *one
		edit.Body = "Second, unpublished."
		if err := db.UpdateChapter(ctx, &edit, "dana"); err != nil {
			t.Fatal(err)
		}
		if edit.Version != 2 || edit.Status != inquest.Draft {
			t.Errorf("edit of a published chapter: version %d status %s, want a draft of version 2", edit.Version, edit.Status)
		}
		got := published()
		if len(got) != 1 || got[0].Body != "First [@s1]." || got[0].Version != 1 || got[0].Slug != "terrorists" {
			t.Fatalf("published after an edit: %+v, want version 1 only", got)
		}
		edit.Slug = "renamed"
		if err := db.UpdateChapter(ctx, &edit, "dana"); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("renaming a published chapter: %v, want invalid", err)
		}
		edit.Slug = "terrorists"
		if _, err := db.PublishChapter(ctx, one.ID, "editor"); err != nil {
			t.Fatal(err)
		}
		got = published()
		if len(got) != 1 || got[0].Body != "Second, unpublished." || got[0].Version != 2 {
			t.Errorf("after publishing version 2: %+v", got)
		}
		versions, err := db.ChapterVersions(ctx, one.ID)
		if err != nil || len(versions) != 2 || versions[0].Version != 1 || versions[1].Version != 2 || versions[0].Author != "editor" {
			t.Errorf("versions: %+v, %v", versions, err)
		}
		all, err := db.Chapters(ctx, c.ID)
		if err != nil || len(all) != 2 || all[1].Slug != "toll" || all[1].Status != inquest.Draft {
			t.Errorf("working copies: %+v, %v", all, err)
		}
		byslug, err := db.ChapterBySlug(ctx, c.ID, "toll")
		if err != nil || byslug.ID != two.ID {
			t.Errorf("by slug: %+v, %v", byslug, err)
		}
		if _, err := db.Chapter(ctx, 9999); inquest.ErrorCode(err) != inquest.ENOTFOUND {
			t.Errorf("missing chapter: %v, want not found", err)
		}
		if err := db.CreateChapter(ctx, &inquest.Chapter{CaseID: c.ID, Slug: "x", Title: "X"}, ""); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("no author: %v, want invalid", err)
		}
	})
}
