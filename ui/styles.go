package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles holds every style the reader draws with, for one background.
type Styles struct {
	Dark bool

	Header, HeaderDim, Demo          lipgloss.Style
	Row, RowSelected, Unread, Star   lipgloss.Style
	Dim, Source, Date, LinkMark      lipgloss.Style
	ImportDate                       lipgloss.Style // an undated article's import day
	Title, Meta                      lipgloss.Style
	Section, Link, LinkSelected      lipgloss.Style
	Resolved, Ambiguous, Missing     lipgloss.Style
	Status, StatusError, FilterLabel lipgloss.Style
	Overlay                          lipgloss.Style
	Match, MatchCurrent              lipgloss.Style // a find's matches in the reader
	Tag                              lipgloss.Style
	Help                             help.Styles
}

// NewStyles builds the styles for a dark or light terminal background.
func NewStyles(dark bool) Styles {
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#B8A4FF"))
	dim := ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8A8A8A"))
	text := ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#E6E6E6"))
	selBg := ld(lipgloss.Color("#E4DDFB"), lipgloss.Color("#352A63"))
	good := ld(lipgloss.Color("#1E7A3A"), lipgloss.Color("#6FD08C"))
	warn := ld(lipgloss.Color("#9A5B00"), lipgloss.Color("#F0B45A"))
	bad := ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF8A80"))

	s := Styles{Dark: dark}
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.HeaderDim = lipgloss.NewStyle().Foreground(dim)
	s.Demo = lipgloss.NewStyle().Bold(true).Foreground(warn)
	s.Row = lipgloss.NewStyle().Foreground(text)
	s.RowSelected = lipgloss.NewStyle().Foreground(text).Background(selBg).Bold(true)
	s.Unread = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Star = lipgloss.NewStyle().Foreground(warn)
	s.Dim = lipgloss.NewStyle().Foreground(dim)
	s.Source = lipgloss.NewStyle().Foreground(dim).Italic(true)
	s.Date = lipgloss.NewStyle().Foreground(dim)
	s.ImportDate = s.Date.Faint(true).Italic(true)
	s.LinkMark = lipgloss.NewStyle().Foreground(accent)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(text)
	s.Meta = lipgloss.NewStyle().Foreground(dim)
	s.Section = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Link = lipgloss.NewStyle().Foreground(text)
	s.LinkSelected = lipgloss.NewStyle().Foreground(text).Background(selBg).Bold(true)
	s.Resolved = lipgloss.NewStyle().Foreground(good)
	s.Ambiguous = lipgloss.NewStyle().Foreground(warn)
	s.Missing = lipgloss.NewStyle().Foreground(bad)
	s.Status = lipgloss.NewStyle().Foreground(dim)
	s.StatusError = lipgloss.NewStyle().Foreground(bad).Bold(true)
	s.FilterLabel = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Overlay = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1)
	s.Match = lipgloss.NewStyle().Foreground(text).Background(ld(lipgloss.Color("#FFE9A8"), lipgloss.Color("#5C4A12")))
	s.MatchCurrent = lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#1A1A1A"))).Background(warn).Bold(true)
	s.Tag = lipgloss.NewStyle().Foreground(good)
	s.Help = help.DefaultStyles(dark)
	return s
}

// GlamourStyle is the glamour standard style for the background.
func (s Styles) GlamourStyle() string {
	if s.Dark {
		return "dark"
	}
	return "light"
}
