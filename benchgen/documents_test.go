package benchgen_test

import (
	"testing"

	"github.com/inquest-project/inquest/benchgen"
)

func TestDocumentsNewsSizedAndDistinct(t *testing.T) {
	docs := benchgen.Documents(50, 1)
	seen := map[string]bool{}
	total := 0
	for _, d := range docs {
		if seen[d.Text] {
			t.Errorf("%s repeats another document", d.Name)
		}
		seen[d.Text] = true
		total += len(d.Text)
	}
	if mean := total / len(docs); mean < 3000 || mean > 9000 {
		t.Errorf("mean document size %d bytes, want news-sized (3–9 KB)", mean)
	}
	again := benchgen.Documents(50, 1)
	if again[7].Text != docs[7].Text {
		t.Error("the same seed gave different documents")
	}
}
