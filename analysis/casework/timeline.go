package casework

import (
	"context"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
)

// Timeline loads the case and places its events, statements and figures on
// one time axis. It saves nothing.
func (s *Service) Timeline(ctx context.Context, c *inquest.Case) (analysis.Timeline, error) {
	r, err := s.Load(ctx, c)
	if err != nil {
		return analysis.Timeline{}, err
	}
	return analysis.BuildTimeline(analysis.TimelineRecord{Events: r.Events, Statements: r.Statements, Figures: r.FigureRecord(),
		Sources: r.Sources}), nil
}
