
use builtin;
use str;

set edit:completion:arg-completer[whatsapp-ctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'whatsapp-ctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'whatsapp-ctl'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand auth 'Store, check and remove the API key of a profile'
            cand profiles 'List, choose and remove profiles'
            cand channel 'Check a channel, activate it with a webhook, show its webhook'
            cand templates 'Validate, submit, list, follow and delete message templates'
            cand send 'Send test messages: text, buttons, media, templates'
            cand webhook 'Read webhook payloads: parse a saved one, or receive them live'
            cand emulator 'Run or drive the embedded 360dialog emulator'
            cand setup 'Set up a channel step by step: key, health, webhook, test message (every prompt has a flag)'
            cand completions 'Print the shell completion script for bash, zsh, fish, powershell or elvish'
            cand man 'Print the man page, or write every page (one per subcommand) to a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;auth'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Store the API key of a profile, checked against the API first'
            cand status 'Show the profile, where each value came from, and whether the key works'
            cand logout 'Remove the stored key of the profile'
            cand token 'Print the resolved key (for scripts; the only command that prints it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;auth;login'= {
            cand --api 'API flavour of the channel [default: the profile''s, else cloud]'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --token-stdin 'Read the API key from standard input instead of a hidden prompt'
            cand --no-verify 'Store the key without checking it against the API'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;auth;status'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;auth;logout'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;auth;token'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;auth;help'= {
            cand login 'Store the API key of a profile, checked against the API first'
            cand status 'Show the profile, where each value came from, and whether the key works'
            cand logout 'Remove the stored key of the profile'
            cand token 'Print the resolved key (for scripts; the only command that prints it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;auth;help;login'= {
        }
        &'whatsapp-ctl;auth;help;status'= {
        }
        &'whatsapp-ctl;auth;help;logout'= {
        }
        &'whatsapp-ctl;auth;help;token'= {
        }
        &'whatsapp-ctl;auth;help;help'= {
        }
        &'whatsapp-ctl;profiles'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List profiles: flavour, base URL, key (masked), current marked'
            cand use 'Make NAME the profile used when --profile is not given'
            cand remove 'Remove a profile and its stored key'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;profiles;list'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;profiles;use'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;profiles;remove'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;profiles;help'= {
            cand list 'List profiles: flavour, base URL, key (masked), current marked'
            cand use 'Make NAME the profile used when --profile is not given'
            cand remove 'Remove a profile and its stored key'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;profiles;help;list'= {
        }
        &'whatsapp-ctl;profiles;help;use'= {
        }
        &'whatsapp-ctl;profiles;help;remove'= {
        }
        &'whatsapp-ctl;profiles;help;help'= {
        }
        &'whatsapp-ctl;channel'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Run the channel checks (config, reachability, auth, health, webhook, templates); exit 1 when one fails'
            cand activate 'Register the webhook, read it back, remember it in the profile, then run the checks'
            cand webhook 'Show the registered webhook (header values masked)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;channel;check'= {
            cand --webhook-url 'The webhook URL the channel should have; fails when another one (or none) is registered'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --strict 'Warnings fail the run too (exit 1)'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;channel;activate'= {
            cand --webhook-url 'Your webhook''s URL: https, no :port, no ''_'' in the host (loopback hosts are allowed for local tests)'
            cand --header 'A header 360dialog sends with every delivery, e.g. a shared secret your server checks (repeatable); NAME=@FILE reads the value from a file, NAME=env:VAR from the environment'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --strict 'Warnings of the checks fail the run too (exit 1)'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;channel;webhook'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;channel;help'= {
            cand check 'Run the channel checks (config, reachability, auth, health, webhook, templates); exit 1 when one fails'
            cand activate 'Register the webhook, read it back, remember it in the profile, then run the checks'
            cand webhook 'Show the registered webhook (header values masked)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;channel;help;check'= {
        }
        &'whatsapp-ctl;channel;help;activate'= {
        }
        &'whatsapp-ctl;channel;help;webhook'= {
        }
        &'whatsapp-ctl;channel;help;help'= {
        }
        &'whatsapp-ctl;templates'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List templates (every page), filtered and sorted'
            cand show 'Show one template with its components'
            cand status 'Show a template''s review status; --wait follows it until approved or rejected'
            cand validate 'Check template files against WhatsApp''s rules without sending anything'
            cand submit 'Validate, then submit templates from files or flags'
            cand delete 'Delete a template (every language of the name)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;templates;list'= {
            cand --status 'Only this status (approved, rejected, submitted, pending, paused, disabled, ...)'
            cand --category 'Only this category (MARKETING, UTILITY, AUTHENTICATION)'
            cand --language 'Only this language code (en_US, de, ...)'
            cand --name 'Only this exact name (filtered by the API)'
            cand --name-contains 'Only names containing this text (filtered locally, case-insensitive)'
            cand --sort 'Sort by id, name or status; prefix with - for descending (e.g. -name)'
            cand --limit 'At most this many templates'
            cand --offset 'Skip this many templates first'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;templates;show'= {
            cand --language 'Language code, needed when the name exists in several languages'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;templates;status'= {
            cand --language 'Language code, needed when the name exists in several languages'
            cand --wait-timeout 'Give up waiting after this many seconds (exit 1)'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --wait 'Wait until the review ends (approved, rejected, paused or disabled)'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;templates;validate'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;templates;submit'= {
            cand --name 'Template name (lower case, digits, underscores)'
            cand --category 'MARKETING, UTILITY or AUTHENTICATION'
            cand --language 'Language code (en_US, de, ...)'
            cand --body 'Body text; variables are {{1}}, {{2}}, ...'
            cand --example 'Example value of the next body variable (repeat, in order)'
            cand --header-text 'Text header (at most 60 characters, one variable)'
            cand --header-example 'Example value of the header variable'
            cand --footer 'Footer (at most 60 characters, no variables)'
            cand --quick-reply 'A quick-reply button (repeat)'
            cand --url-button 'A URL button TEXT=URL; a {{1}} at the end of the URL is filled at send time'
            cand --url-example 'Example suffix for a URL button''s {{1}}'
            cand --phone-button 'A phone-number button TEXT=PHONE'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --dry-run 'Validate and show what would be sent, without sending'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;templates;delete'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;templates;help'= {
            cand list 'List templates (every page), filtered and sorted'
            cand show 'Show one template with its components'
            cand status 'Show a template''s review status; --wait follows it until approved or rejected'
            cand validate 'Check template files against WhatsApp''s rules without sending anything'
            cand submit 'Validate, then submit templates from files or flags'
            cand delete 'Delete a template (every language of the name)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;templates;help;list'= {
        }
        &'whatsapp-ctl;templates;help;show'= {
        }
        &'whatsapp-ctl;templates;help;status'= {
        }
        &'whatsapp-ctl;templates;help;validate'= {
        }
        &'whatsapp-ctl;templates;help;submit'= {
        }
        &'whatsapp-ctl;templates;help;delete'= {
        }
        &'whatsapp-ctl;templates;help;help'= {
        }
        &'whatsapp-ctl;send'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand text 'Send a text (split into several messages past 4096 characters)'
            cand buttons 'Send reply buttons (more than 3 go as a numbered list)'
            cand media 'Send an image, video, audio or document by link (refused media goes as a text link)'
            cand template 'Send an approved template, its parameters checked against the template first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;send;text'= {
            cand --to 'Recipient phone number with country code, as pasted (`+49 151 2345-6789`, `0049…`); default: the profile''s test recipient'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --preview-url 'Show a preview of the first link in the text'
            cand --markdown 'Convert Markdown (bold, italic, strike-through, code, headings, links, lists) into WhatsApp''s formatting, which WhatsApp renders instead of Markdown'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;send;buttons'= {
            cand --to 'Recipient phone number with country code, as pasted (`+49 151 2345-6789`, `0049…`); default: the profile''s test recipient'
            cand --text 'The message shown above the buttons'
            cand --button 'A button label, repeated per button (1-3 labels of up to 20 characters become reply buttons; more become a numbered list)'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;send;media'= {
            cand --to 'Recipient phone number with country code, as pasted (`+49 151 2345-6789`, `0049…`); default: the profile''s test recipient'
            cand --kind 'What the link points to'
            cand --link 'Public http(s) URL of the file; WhatsApp downloads it from there'
            cand --caption 'Text shown under the media, up to 1024 characters (not for audio)'
            cand --filename 'File name shown for a document (only with --kind document)'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;send;template'= {
            cand --to 'Recipient phone number with country code, as pasted (`+49 151 2345-6789`, `0049…`); default: the profile''s test recipient'
            cand --name 'Template name'
            cand --language 'Template language code, e.g. en_US'
            cand --param 'A body variable''s value, repeated in order ({{1}}, {{2}}, …)'
            cand --header-param 'The header''s variable, or its media (a link or a media id), or a location as LATITUDE,LONGITUDE[,NAME[,ADDRESS]]'
            cand --button-param 'A button''s parameter (a URL button''s suffix, a coupon or one-time code), repeated in button order'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;send;help'= {
            cand text 'Send a text (split into several messages past 4096 characters)'
            cand buttons 'Send reply buttons (more than 3 go as a numbered list)'
            cand media 'Send an image, video, audio or document by link (refused media goes as a text link)'
            cand template 'Send an approved template, its parameters checked against the template first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;send;help;text'= {
        }
        &'whatsapp-ctl;send;help;buttons'= {
        }
        &'whatsapp-ctl;send;help;media'= {
        }
        &'whatsapp-ctl;send;help;template'= {
        }
        &'whatsapp-ctl;send;help;help'= {
        }
        &'whatsapp-ctl;webhook'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand parse 'Print the events of a webhook payload (a file, or standard input with - or nothing)'
            cand listen 'Receive webhooks on a local port, print each event, optionally forward them; Ctrl-C stops'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;webhook;parse'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;webhook;listen'= {
            cand --port 'Port to listen on (0 picks a free one; the address is printed on stderr)'
            cand --bind 'Address to listen on; anything but loopback (e.g. 0.0.0.0) is reachable from other machines'
            cand --forward-to 'Pass each accepted request''s raw body and headers on to this URL and report its status'
            cand --require-header 'Refuse requests without this header: 401 when absent, 403 when different (repeatable); NAME=@FILE reads the value from a file, NAME=env:VAR from the environment'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;webhook;help'= {
            cand parse 'Print the events of a webhook payload (a file, or standard input with - or nothing)'
            cand listen 'Receive webhooks on a local port, print each event, optionally forward them; Ctrl-C stops'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;webhook;help;parse'= {
        }
        &'whatsapp-ctl;webhook;help;listen'= {
        }
        &'whatsapp-ctl;webhook;help;help'= {
        }
        &'whatsapp-ctl;emulator'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Serve the emulator on loopback until Ctrl-C; prints its base URL and key'
            cand inbound 'Deliver an inbound text message to the registered webhook and open the sender''s 24-hour window'
            cand reset 'Forget all templates, messages, windows and the webhook (the key stays)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;emulator;start'= {
            cand --port 'Port on 127.0.0.1 (0 picks a free one)'
            cand --state 'State file [default: WHATSAPP_CTL_EMULATOR_STATE, else the data dir]'
            cand --review-delay 'Seconds a submitted template stays in review before it is approved or rejected'
            cand --fault-rate 'Share of API requests answered with a random 500/502/503/555 or 429 (0 to 1)'
            cand --latency 'Milliseconds added before every API answer'
            cand --page-cap 'Most templates one list page returns, whatever the client asks'
            cand --health 'Messaging health to report: AVAILABLE, LIMITED or BLOCKED'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;emulator;inbound'= {
            cand --from 'The customer''s phone number (digits, country code first)'
            cand --text 'The message text'
            cand --name 'The customer''s profile name'
            cand --state 'State file [default: WHATSAPP_CTL_EMULATOR_STATE, else the data dir]'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;emulator;reset'= {
            cand --state 'State file [default: WHATSAPP_CTL_EMULATOR_STATE, else the data dir]'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;emulator;help'= {
            cand start 'Serve the emulator on loopback until Ctrl-C; prints its base URL and key'
            cand inbound 'Deliver an inbound text message to the registered webhook and open the sender''s 24-hour window'
            cand reset 'Forget all templates, messages, windows and the webhook (the key stays)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;emulator;help;start'= {
        }
        &'whatsapp-ctl;emulator;help;inbound'= {
        }
        &'whatsapp-ctl;emulator;help;reset'= {
        }
        &'whatsapp-ctl;emulator;help;help'= {
        }
        &'whatsapp-ctl;setup'= {
            cand --api 'API flavour of the channel [default: the profile''s, else cloud]'
            cand --webhook-url 'Register this webhook URL (https; plain http only to localhost) and read it back'
            cand --test-recipient 'Default recipient of test messages, stored in the profile (country code first)'
            cand --test-template 'Send this approved template (one without variables) as the test message'
            cand --test-language 'Language of --test-template [default: its only approved language]'
            cand --test-text 'Send this text as the test message (the recipient must have written within 24 hours)'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --token-stdin 'Read the API key from standard input instead of a hidden prompt (needed without a terminal)'
            cand --no-webhook 'Leave the registered webhook as it is'
            cand --no-test 'Send no test message (and do not ask for a test recipient)'
            cand -y 'Take the default for every question no flag answered (webhook unchanged, no test), and save without asking'
            cand --yes 'Take the default for every question no flag answered (webhook unchanged, no test), and save without asking'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;completions'= {
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;man'= {
            cand --out 'Write every page (main page and one per subcommand) into this folder instead of printing the main page'
            cand --profile 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]'
            cand --base-url 'API base URL [default: per API flavour]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for retryable failures'
            cand --json 'Machine-readable output: one JSON document on stdout'
            cand --emulator 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
            cand -v 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand --verbose 'More detail on stderr (-vv shows request and response bodies; never the key)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No colour'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'whatsapp-ctl;help'= {
            cand auth 'Store, check and remove the API key of a profile'
            cand profiles 'List, choose and remove profiles'
            cand channel 'Check a channel, activate it with a webhook, show its webhook'
            cand templates 'Validate, submit, list, follow and delete message templates'
            cand send 'Send test messages: text, buttons, media, templates'
            cand webhook 'Read webhook payloads: parse a saved one, or receive them live'
            cand emulator 'Run or drive the embedded 360dialog emulator'
            cand setup 'Set up a channel step by step: key, health, webhook, test message (every prompt has a flag)'
            cand completions 'Print the shell completion script for bash, zsh, fish, powershell or elvish'
            cand man 'Print the man page, or write every page (one per subcommand) to a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'whatsapp-ctl;help;auth'= {
            cand login 'Store the API key of a profile, checked against the API first'
            cand status 'Show the profile, where each value came from, and whether the key works'
            cand logout 'Remove the stored key of the profile'
            cand token 'Print the resolved key (for scripts; the only command that prints it)'
        }
        &'whatsapp-ctl;help;auth;login'= {
        }
        &'whatsapp-ctl;help;auth;status'= {
        }
        &'whatsapp-ctl;help;auth;logout'= {
        }
        &'whatsapp-ctl;help;auth;token'= {
        }
        &'whatsapp-ctl;help;profiles'= {
            cand list 'List profiles: flavour, base URL, key (masked), current marked'
            cand use 'Make NAME the profile used when --profile is not given'
            cand remove 'Remove a profile and its stored key'
        }
        &'whatsapp-ctl;help;profiles;list'= {
        }
        &'whatsapp-ctl;help;profiles;use'= {
        }
        &'whatsapp-ctl;help;profiles;remove'= {
        }
        &'whatsapp-ctl;help;channel'= {
            cand check 'Run the channel checks (config, reachability, auth, health, webhook, templates); exit 1 when one fails'
            cand activate 'Register the webhook, read it back, remember it in the profile, then run the checks'
            cand webhook 'Show the registered webhook (header values masked)'
        }
        &'whatsapp-ctl;help;channel;check'= {
        }
        &'whatsapp-ctl;help;channel;activate'= {
        }
        &'whatsapp-ctl;help;channel;webhook'= {
        }
        &'whatsapp-ctl;help;templates'= {
            cand list 'List templates (every page), filtered and sorted'
            cand show 'Show one template with its components'
            cand status 'Show a template''s review status; --wait follows it until approved or rejected'
            cand validate 'Check template files against WhatsApp''s rules without sending anything'
            cand submit 'Validate, then submit templates from files or flags'
            cand delete 'Delete a template (every language of the name)'
        }
        &'whatsapp-ctl;help;templates;list'= {
        }
        &'whatsapp-ctl;help;templates;show'= {
        }
        &'whatsapp-ctl;help;templates;status'= {
        }
        &'whatsapp-ctl;help;templates;validate'= {
        }
        &'whatsapp-ctl;help;templates;submit'= {
        }
        &'whatsapp-ctl;help;templates;delete'= {
        }
        &'whatsapp-ctl;help;send'= {
            cand text 'Send a text (split into several messages past 4096 characters)'
            cand buttons 'Send reply buttons (more than 3 go as a numbered list)'
            cand media 'Send an image, video, audio or document by link (refused media goes as a text link)'
            cand template 'Send an approved template, its parameters checked against the template first'
        }
        &'whatsapp-ctl;help;send;text'= {
        }
        &'whatsapp-ctl;help;send;buttons'= {
        }
        &'whatsapp-ctl;help;send;media'= {
        }
        &'whatsapp-ctl;help;send;template'= {
        }
        &'whatsapp-ctl;help;webhook'= {
            cand parse 'Print the events of a webhook payload (a file, or standard input with - or nothing)'
            cand listen 'Receive webhooks on a local port, print each event, optionally forward them; Ctrl-C stops'
        }
        &'whatsapp-ctl;help;webhook;parse'= {
        }
        &'whatsapp-ctl;help;webhook;listen'= {
        }
        &'whatsapp-ctl;help;emulator'= {
            cand start 'Serve the emulator on loopback until Ctrl-C; prints its base URL and key'
            cand inbound 'Deliver an inbound text message to the registered webhook and open the sender''s 24-hour window'
            cand reset 'Forget all templates, messages, windows and the webhook (the key stays)'
        }
        &'whatsapp-ctl;help;emulator;start'= {
        }
        &'whatsapp-ctl;help;emulator;inbound'= {
        }
        &'whatsapp-ctl;help;emulator;reset'= {
        }
        &'whatsapp-ctl;help;setup'= {
        }
        &'whatsapp-ctl;help;completions'= {
        }
        &'whatsapp-ctl;help;man'= {
        }
        &'whatsapp-ctl;help;help'= {
        }
    ]
    $completions[$command]
}
