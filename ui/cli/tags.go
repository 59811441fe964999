package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"kabar/store"
)

func (a *app) tagCommand() *cobra.Command {
	return a.tagging("tag", "Tag an article (tags hold no commas; case is kept, any case matches)",
		func(ctx context.Context, s *store.Store, id int64, tags []string) error {
			return s.Tag(ctx, id, tags...)
		})
}

func (a *app) untagCommand() *cobra.Command {
	return a.tagging("untag", "Take tags off an article",
		func(ctx context.Context, s *store.Store, id int64, tags []string) error {
			return s.Untag(ctx, id, tags...)
		})
}

// tagging builds tag and untag: ID TAG..., then the article's tags printed.
func (a *app) tagging(name, short string, change func(context.Context, *store.Store, int64, []string) error) *cobra.Command {
	var id int64
	return &cobra.Command{
		Use:     name + " ID TAG...",
		Short:   short,
		Example: "kabar " + name + " 42 banjir \"pantura 2025\"",
		GroupID: groupLibrary,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usagef("%s needs an article ID and at least one tag", name)
			}
			return nil
		},
		PreRunE: func(_ *cobra.Command, args []string) (err error) {
			id, err = parseID(args[0])
			return err
		},
		RunE: a.writing(func(cmd *cobra.Command, args []string, s *store.Store) error {
			if err := change(cmd.Context(), s, id, args[1:]); err != nil {
				return err
			}
			tags, err := s.Tags(cmd.Context(), id)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(a.out, "%d: %s\n", id, tagList(tags))
			return err
		}),
	}
}

// tagList is tags for people: comma-separated, or "no tags".
func tagList(tags []string) string {
	if len(tags) == 0 {
		return "no tags"
	}
	return strings.Join(tags, ", ")
}
