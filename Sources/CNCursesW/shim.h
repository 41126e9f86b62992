// ncursesw for Swift: the wide-character API, and small functions for what Swift cannot import
// (macros that compute, and the library's mutable globals, which Swift 6 refuses to touch).
#ifndef TOV_CNCURSESW_SHIM_H
#define TOV_CNCURSESW_SHIM_H

// SwiftPM drops the -D flags pkg-config gives, and without these curses.h hides the wide API
// (cchar_t, wget_wch, wadd_wch, setcchar).
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

// MARK: - Globals

static inline WINDOW *tov_stdscr(void) { return stdscr; }

/// A new screen on standard output, reading standard input, for the terminal type TERM names;
/// NULL when TERM is unknown (unlike initscr, which ends the process).
static inline SCREEN *tov_newterm(void) { return newterm(NULL, stdout, stdin); }

static inline int tov_color_pairs(void) { return COLOR_PAIRS; }

// MARK: - Attributes

static inline attr_t tov_attr_normal(void) { return A_NORMAL; }
static inline attr_t tov_attr_bold(void) { return A_BOLD; }
static inline attr_t tov_attr_reverse(void) { return A_REVERSE; }
static inline attr_t tov_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t tov_attr_dim(void) { return A_DIM; }

// MARK: - Keys and mouse

static inline int tov_key_f(int n) { return KEY_F(n); }
static inline mmask_t tov_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t tov_button1_clicked(void) { return BUTTON1_CLICKED; }

// MARK: - Locale

/// The columns the C library gives a character, as ncurses measures it (-1 for one it cannot print).
/// Only to check ncurses agrees with our own width table, never to lay out.
static inline int tov_wcwidth(wchar_t character) {
    extern int wcwidth(wchar_t);
    return wcwidth(character);
}

/// The character set of the LC_CTYPE locale the environment names ("UTF-8"), or NULL when the
/// environment names a locale this system does not have.
static inline const char *tov_environment_codeset(void) {
    if (setlocale(LC_CTYPE, "") == NULL) return NULL;
    return nl_langinfo(CODESET);
}

// MARK: - Signals

// The signal handler only records the signal: the run loop notices it within one key-read timeout
// and restores the terminal itself, outside the handler, where ncurses may be called. Only
// TovTerminal may call these, so there is one copy of the flag.
static volatile sig_atomic_t tov_caught_signal = 0;

static void tov_note_signal(int signal_number) { tov_caught_signal = signal_number; }

/// Catches `signal_number` with the recording handler, saving the old action in `previous`; leaves
/// alone a signal the process was started ignoring (nohup). Returns 0 on success.
static inline int tov_catch_signal(int signal_number, struct sigaction *previous) {
    if (sigaction(signal_number, NULL, previous) != 0) return -1;
    if (previous->sa_handler == SIG_IGN) return 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = tov_note_signal;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: a read waiting for a key returns at once.
    action.sa_flags = 0;
    if (sigaction(signal_number, &action, NULL) != 0) return -1;
    // A signal blocked by whoever started us would never arrive: let it through.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signal_number);
    return sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/// Saves `signal_number`'s action in `previous` without changing it (ncurses installs its own for
/// suspend and resize, which must not outlive the screen). Returns 0 on success.
static inline int tov_save_signal(int signal_number, struct sigaction *previous) {
    return sigaction(signal_number, NULL, previous);
}

/// Puts back the action `tov_catch_signal` or `tov_save_signal` saved.
static inline int tov_restore_signal(int signal_number, const struct sigaction *previous) {
    return sigaction(signal_number, previous, NULL);
}

/// The signal caught since the last call, or 0.
static inline int tov_take_caught_signal(void) {
    int signal_number = tov_caught_signal;
    tov_caught_signal = 0;
    return signal_number;
}

// MARK: - Input

/// Whether the terminal at `fd` hung up or closed: reads would fail at once, forever.
static inline int tov_input_closed(int fd) {
    struct pollfd entry = { .fd = fd, .events = POLLIN, .revents = 0 };
    if (poll(&entry, 1, 0) < 0) return 0;
    return (entry.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

#endif
