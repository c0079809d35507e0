package extract

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestHeldoutScores builds the inquest binary, runs the corpus scorer
// (../shared/eval/score) through `inquest extract` on testdata/heldout — texts
// of other, invented cases written for this test and annotated before the
// engine was run on them — and fails below the floors below. The held-out set
// is part of the project; only the scorer lives outside it, so the test skips
// only when the scorer is absent outside CI.
func TestHeldoutScores(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs the scorer")
	}
	shared, err := filepath.Abs(filepath.Join("..", "..", "shared"))
	if err != nil {
		t.Fatal(err)
	}
	score := filepath.Join(shared, "eval", "score")
	if _, err := os.Stat(score); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("scorer missing under CI: %v", err)
		}
		t.Skipf("no scorer at %s", score)
	}
	bin := filepath.Join(t.TempDir(), "inquest")
	build := exec.Command("go", "build", "-o", bin, "../cmd/inquest")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	gold, err := filepath.Abs(filepath.Join("testdata", "heldout"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("python3", score, "--gold", gold, "--cmd", bin+" extract").CombinedOutput()
	if err != nil {
		t.Fatalf("scorer: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	summary := lines[len(lines)-1]
	t.Log(summary)
	got := map[string]float64{}
	for _, kv := range strings.Fields(summary) {
		if k, v, ok := strings.Cut(kv, "="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				got[k] = f
			}
		}
	}
	if got["failed"] != 0 {
		t.Errorf("%v documents failed to extract:\n%s", got["failed"], out)
	}
	for _, f := range heldoutFloors {
		v, ok := got[f.key]
		switch {
		case !ok:
			t.Errorf("scorer summary has no %s: %s", f.key, summary)
		case v < f.min:
			t.Errorf("%s = %.3f on the held-out set, below %.2f", f.key, v, f.min)
		}
	}
}

// heldoutFloors are issue 3's targets where the held-out set reaches them;
// where it does not yet, the floor is the score reached, and the comment
// gives the target still owed, so that a regression fails and the gap stays
// visible.
var heldoutFloors = []struct {
	key string
	min float64
}{
	{"quote_f1", 0.95},
	{"speaker_accuracy", 0.92},
	{"attributed_f1", 0.88},
	{"date_recall", 0.80},
	{"figure_f1", 0.85},
	{"stance_precision", 0.80},
	{"stance_recall", 0.60},
}
