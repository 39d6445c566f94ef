# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_whatsapp_ctl_global_optspecs
    string join \n profile= base-url= json emulator v/verbose q/quiet timeout= retries= no-color h/help V/version
end

function __fish_whatsapp_ctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_whatsapp_ctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_whatsapp_ctl_using_subcommand
    set -l cmd (__fish_whatsapp_ctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -f -a "auth" -d 'Store, check and remove the API key of a profile'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -f -a "profiles" -d 'List, choose and remove profiles'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -f -a "channel" -d 'Check a channel, activate it with a webhook, show its webhook'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -f -a "templates" -d 'Validate, submit, list, follow and delete message templates'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -f -a "send" -d 'Send test messages: text, buttons, media, templates'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -f -a "webhook" -d 'Read webhook payloads: parse a saved one, or receive them live'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -f -a "emulator" -d 'Run or drive the embedded 360dialog emulator'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -f -a "setup" -d 'Set up a channel step by step: key, health, webhook, test message (every prompt has a flag)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -f -a "completions" -d 'Print the shell completion script for bash, zsh, fish, powershell or elvish'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -f -a "man" -d 'Print the man page, or write every page (one per subcommand) to a folder'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -f -a "login" -d 'Store the API key of a profile, checked against the API first'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -f -a "status" -d 'Show the profile, where each value came from, and whether the key works'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -f -a "logout" -d 'Remove the stored key of the profile'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -f -a "token" -d 'Print the resolved key (for scripts; the only command that prints it)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l api -d 'API flavour of the channel [default: the profile\'s, else cloud]' -r -f -a "cloud\t'Cloud API (waba-v2.360dialog.io), the default for every number since 2024'
onpremise\t'Legacy On-Premise API (waba.360dialog.io)'"
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l token-stdin -d 'Read the API key from standard input instead of a hidden prompt'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-verify -d 'Store the key without checking it against the API'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from token" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from token" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from token" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from token" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from token" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from token" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from token" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from token" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from token" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from token" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Store the API key of a profile, checked against the API first'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the profile, where each value came from, and whether the key works'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Remove the stored key of the profile'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "token" -d 'Print the resolved key (for scripts; the only command that prints it)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and not __fish_seen_subcommand_from list use remove help" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and not __fish_seen_subcommand_from list use remove help" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and not __fish_seen_subcommand_from list use remove help" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and not __fish_seen_subcommand_from list use remove help" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and not __fish_seen_subcommand_from list use remove help" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and not __fish_seen_subcommand_from list use remove help" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and not __fish_seen_subcommand_from list use remove help" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and not __fish_seen_subcommand_from list use remove help" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and not __fish_seen_subcommand_from list use remove help" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and not __fish_seen_subcommand_from list use remove help" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and not __fish_seen_subcommand_from list use remove help" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and not __fish_seen_subcommand_from list use remove help" -f -a "list" -d 'List profiles: flavour, base URL, key (masked), current marked'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and not __fish_seen_subcommand_from list use remove help" -f -a "use" -d 'Make NAME the profile used when --profile is not given'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and not __fish_seen_subcommand_from list use remove help" -f -a "remove" -d 'Remove a profile and its stored key'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and not __fish_seen_subcommand_from list use remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from use" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from use" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from use" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from use" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from use" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from use" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from use" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from use" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from use" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from remove" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from remove" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from remove" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from remove" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from remove" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from remove" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from remove" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from help" -f -a "list" -d 'List profiles: flavour, base URL, key (masked), current marked'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make NAME the profile used when --profile is not given'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a profile and its stored key'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand profiles; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and not __fish_seen_subcommand_from check activate webhook help" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and not __fish_seen_subcommand_from check activate webhook help" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and not __fish_seen_subcommand_from check activate webhook help" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and not __fish_seen_subcommand_from check activate webhook help" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and not __fish_seen_subcommand_from check activate webhook help" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and not __fish_seen_subcommand_from check activate webhook help" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and not __fish_seen_subcommand_from check activate webhook help" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and not __fish_seen_subcommand_from check activate webhook help" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and not __fish_seen_subcommand_from check activate webhook help" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and not __fish_seen_subcommand_from check activate webhook help" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and not __fish_seen_subcommand_from check activate webhook help" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and not __fish_seen_subcommand_from check activate webhook help" -f -a "check" -d 'Run the channel checks (config, reachability, auth, health, webhook, templates); exit 1 when one fails'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and not __fish_seen_subcommand_from check activate webhook help" -f -a "activate" -d 'Register the webhook, read it back, remember it in the profile, then run the checks'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and not __fish_seen_subcommand_from check activate webhook help" -f -a "webhook" -d 'Show the registered webhook (header values masked)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and not __fish_seen_subcommand_from check activate webhook help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from check" -l webhook-url -d 'The webhook URL the channel should have; fails when another one (or none) is registered' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from check" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from check" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from check" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from check" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from check" -l strict -d 'Warnings fail the run too (exit 1)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from check" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from check" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from check" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from activate" -l webhook-url -d 'Your webhook\'s URL: https, no :port, no \'_\' in the host (loopback hosts are allowed for local tests)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from activate" -l header -d 'A header 360dialog sends with every delivery, e.g. a shared secret your server checks (repeatable); NAME=@FILE reads the value from a file, NAME=env:VAR from the environment' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from activate" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from activate" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from activate" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from activate" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from activate" -l strict -d 'Warnings of the checks fail the run too (exit 1)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from activate" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from activate" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from activate" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from activate" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from activate" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from activate" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from activate" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from webhook" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from webhook" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from webhook" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from webhook" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from webhook" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from webhook" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from webhook" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from webhook" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from webhook" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from webhook" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from webhook" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "check" -d 'Run the channel checks (config, reachability, auth, health, webhook, templates); exit 1 when one fails'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "activate" -d 'Register the webhook, read it back, remember it in the profile, then run the checks'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "webhook" -d 'Show the registered webhook (header values masked)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand channel; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -f -a "list" -d 'List templates (every page), filtered and sorted'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -f -a "show" -d 'Show one template with its components'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -f -a "status" -d 'Show a template\'s review status; --wait follows it until approved or rejected'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -f -a "validate" -d 'Check template files against WhatsApp\'s rules without sending anything'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -f -a "submit" -d 'Validate, then submit templates from files or flags'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -f -a "delete" -d 'Delete a template (every language of the name)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and not __fish_seen_subcommand_from list show status validate submit delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -l status -d 'Only this status (approved, rejected, submitted, pending, paused, disabled, ...)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -l category -d 'Only this category (MARKETING, UTILITY, AUTHENTICATION)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -l language -d 'Only this language code (en_US, de, ...)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -l name -d 'Only this exact name (filtered by the API)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -l name-contains -d 'Only names containing this text (filtered locally, case-insensitive)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -l sort -d 'Sort by id, name or status; prefix with - for descending (e.g. -name)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -l limit -d 'At most this many templates' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -l offset -d 'Skip this many templates first' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from show" -l language -d 'Language code, needed when the name exists in several languages' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from show" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from show" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from show" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from show" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from show" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from show" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from status" -l language -d 'Language code, needed when the name exists in several languages' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from status" -l wait-timeout -d 'Give up waiting after this many seconds (exit 1)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from status" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from status" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from status" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from status" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from status" -l wait -d 'Wait until the review ends (approved, rejected, paused or disabled)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from status" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from status" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from status" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from validate" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from validate" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from validate" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from validate" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from validate" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from validate" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from validate" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from validate" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from validate" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from validate" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l name -d 'Template name (lower case, digits, underscores)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l category -d 'MARKETING, UTILITY or AUTHENTICATION' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l language -d 'Language code (en_US, de, ...)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l body -d 'Body text; variables are {{1}}, {{2}}, ...' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l example -d 'Example value of the next body variable (repeat, in order)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l header-text -d 'Text header (at most 60 characters, one variable)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l header-example -d 'Example value of the header variable' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l footer -d 'Footer (at most 60 characters, no variables)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l quick-reply -d 'A quick-reply button (repeat)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l url-button -d 'A URL button TEXT=URL; a {{1}} at the end of the URL is filled at send time' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l url-example -d 'Example suffix for a URL button\'s {{1}}' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l phone-button -d 'A phone-number button TEXT=PHONE' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l dry-run -d 'Validate and show what would be sent, without sending'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from submit" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from delete" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from delete" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from delete" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from delete" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Delete without asking'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from delete" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from delete" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from delete" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "list" -d 'List templates (every page), filtered and sorted'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one template with its components'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show a template\'s review status; --wait follows it until approved or rejected'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Check template files against WhatsApp\'s rules without sending anything'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "submit" -d 'Validate, then submit templates from files or flags'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a template (every language of the name)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -f -a "text" -d 'Send a text (split into several messages past 4096 characters)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -f -a "buttons" -d 'Send reply buttons (more than 3 go as a numbered list)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -f -a "media" -d 'Send an image, video, audio or document by link (refused media goes as a text link)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -f -a "template" -d 'Send an approved template, its parameters checked against the template first'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and not __fish_seen_subcommand_from text buttons media template help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from text" -l to -d 'Recipient phone number with country code, as pasted (`+49 151 2345-6789`, `0049…`); default: the profile\'s test recipient' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from text" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from text" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from text" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from text" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from text" -l preview-url -d 'Show a preview of the first link in the text'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from text" -l markdown -d 'Convert Markdown (bold, italic, strike-through, code, headings, links, lists) into WhatsApp\'s formatting, which WhatsApp renders instead of Markdown'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from text" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from text" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from text" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from text" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from text" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from text" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from text" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from buttons" -l to -d 'Recipient phone number with country code, as pasted (`+49 151 2345-6789`, `0049…`); default: the profile\'s test recipient' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from buttons" -l text -d 'The message shown above the buttons' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from buttons" -l button -d 'A button label, repeated per button (1-3 labels of up to 20 characters become reply buttons; more become a numbered list)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from buttons" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from buttons" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from buttons" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from buttons" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from buttons" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from buttons" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from buttons" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from buttons" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from buttons" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from buttons" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from buttons" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -l to -d 'Recipient phone number with country code, as pasted (`+49 151 2345-6789`, `0049…`); default: the profile\'s test recipient' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -l kind -d 'What the link points to' -r -f -a "image\t''
video\t''
audio\t''
document\t''"
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -l link -d 'Public http(s) URL of the file; WhatsApp downloads it from there' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -l caption -d 'Text shown under the media, up to 1024 characters (not for audio)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -l filename -d 'File name shown for a document (only with --kind document)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from media" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -l to -d 'Recipient phone number with country code, as pasted (`+49 151 2345-6789`, `0049…`); default: the profile\'s test recipient' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -l name -d 'Template name' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -l language -d 'Template language code, e.g. en_US' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -l param -d 'A body variable\'s value, repeated in order ({{1}}, {{2}}, …)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -l header-param -d 'The header\'s variable, or its media (a link or a media id), or a location as LATITUDE,LONGITUDE[,NAME[,ADDRESS]]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -l button-param -d 'A button\'s parameter (a URL button\'s suffix, a coupon or one-time code), repeated in button order' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from template" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from help" -f -a "text" -d 'Send a text (split into several messages past 4096 characters)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from help" -f -a "buttons" -d 'Send reply buttons (more than 3 go as a numbered list)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from help" -f -a "media" -d 'Send an image, video, audio or document by link (refused media goes as a text link)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from help" -f -a "template" -d 'Send an approved template, its parameters checked against the template first'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand send; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and not __fish_seen_subcommand_from parse listen help" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and not __fish_seen_subcommand_from parse listen help" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and not __fish_seen_subcommand_from parse listen help" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and not __fish_seen_subcommand_from parse listen help" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and not __fish_seen_subcommand_from parse listen help" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and not __fish_seen_subcommand_from parse listen help" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and not __fish_seen_subcommand_from parse listen help" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and not __fish_seen_subcommand_from parse listen help" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and not __fish_seen_subcommand_from parse listen help" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and not __fish_seen_subcommand_from parse listen help" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and not __fish_seen_subcommand_from parse listen help" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and not __fish_seen_subcommand_from parse listen help" -f -a "parse" -d 'Print the events of a webhook payload (a file, or standard input with - or nothing)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and not __fish_seen_subcommand_from parse listen help" -f -a "listen" -d 'Receive webhooks on a local port, print each event, optionally forward them; Ctrl-C stops'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and not __fish_seen_subcommand_from parse listen help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from parse" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from parse" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from parse" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from parse" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from parse" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from parse" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from parse" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from parse" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from parse" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from parse" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from parse" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l port -d 'Port to listen on (0 picks a free one; the address is printed on stderr)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l bind -d 'Address to listen on; anything but loopback (e.g. 0.0.0.0) is reachable from other machines' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l forward-to -d 'Pass each accepted request\'s raw body and headers on to this URL and report its status' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l require-header -d 'Refuse requests without this header: 401 when absent, 403 when different (repeatable); NAME=@FILE reads the value from a file, NAME=env:VAR from the environment' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "parse" -d 'Print the events of a webhook payload (a file, or standard input with - or nothing)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "listen" -d 'Receive webhooks on a local port, print each event, optionally forward them; Ctrl-C stops'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and not __fish_seen_subcommand_from start inbound reset help" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and not __fish_seen_subcommand_from start inbound reset help" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and not __fish_seen_subcommand_from start inbound reset help" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and not __fish_seen_subcommand_from start inbound reset help" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and not __fish_seen_subcommand_from start inbound reset help" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and not __fish_seen_subcommand_from start inbound reset help" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and not __fish_seen_subcommand_from start inbound reset help" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and not __fish_seen_subcommand_from start inbound reset help" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and not __fish_seen_subcommand_from start inbound reset help" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and not __fish_seen_subcommand_from start inbound reset help" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and not __fish_seen_subcommand_from start inbound reset help" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and not __fish_seen_subcommand_from start inbound reset help" -f -a "start" -d 'Serve the emulator on loopback until Ctrl-C; prints its base URL and key'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and not __fish_seen_subcommand_from start inbound reset help" -f -a "inbound" -d 'Deliver an inbound text message to the registered webhook and open the sender\'s 24-hour window'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and not __fish_seen_subcommand_from start inbound reset help" -f -a "reset" -d 'Forget all templates, messages, windows and the webhook (the key stays)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and not __fish_seen_subcommand_from start inbound reset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -l port -d 'Port on 127.0.0.1 (0 picks a free one)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -l state -d 'State file [default: WHATSAPP_CTL_EMULATOR_STATE, else the data dir]' -r -F
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -l review-delay -d 'Seconds a submitted template stays in review before it is approved or rejected' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -l fault-rate -d 'Share of API requests answered with a random 500/502/503/555 or 429 (0 to 1)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -l latency -d 'Milliseconds added before every API answer' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -l page-cap -d 'Most templates one list page returns, whatever the client asks' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -l health -d 'Messaging health to report: AVAILABLE, LIMITED or BLOCKED' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from inbound" -l from -d 'The customer\'s phone number (digits, country code first)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from inbound" -l text -d 'The message text' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from inbound" -l name -d 'The customer\'s profile name' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from inbound" -l state -d 'State file [default: WHATSAPP_CTL_EMULATOR_STATE, else the data dir]' -r -F
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from inbound" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from inbound" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from inbound" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from inbound" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from inbound" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from inbound" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from inbound" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from inbound" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from inbound" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from inbound" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from inbound" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l state -d 'State file [default: WHATSAPP_CTL_EMULATOR_STATE, else the data dir]' -r -F
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from reset" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "start" -d 'Serve the emulator on loopback until Ctrl-C; prints its base URL and key'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "inbound" -d 'Deliver an inbound text message to the registered webhook and open the sender\'s 24-hour window'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Forget all templates, messages, windows and the webhook (the key stays)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l api -d 'API flavour of the channel [default: the profile\'s, else cloud]' -r -f -a "cloud\t'Cloud API (waba-v2.360dialog.io), the default for every number since 2024'
onpremise\t'Legacy On-Premise API (waba.360dialog.io)'"
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l webhook-url -d 'Register this webhook URL (https; plain http only to localhost) and read it back' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l test-recipient -d 'Default recipient of test messages, stored in the profile (country code first)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l test-template -d 'Send this approved template (one without variables) as the test message' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l test-language -d 'Language of --test-template [default: its only approved language]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l test-text -d 'Send this text as the test message (the recipient must have written within 24 hours)' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l token-stdin -d 'Read the API key from standard input instead of a hidden prompt (needed without a terminal)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l no-webhook -d 'Leave the registered webhook as it is'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l no-test -d 'Send no test message (and do not ask for a test recipient)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -s y -l yes -d 'Take the default for every question no flag answered (webhook unchanged, no test), and save without asking'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand setup" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand completions" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand completions" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand completions" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand completions" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand completions" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand completions" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand completions" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand completions" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand completions" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand completions" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand man" -l out -d 'Write every page (main page and one per subcommand) into this folder instead of printing the main page' -r -F
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand man" -l profile -d 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand man" -l base-url -d 'API base URL [default: per API flavour]' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand man" -l timeout -d 'Per-request timeout in seconds' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand man" -l retries -d 'Retries for retryable failures' -r
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand man" -l json -d 'Machine-readable output: one JSON document on stdout'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand man" -l emulator -d 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand man" -s v -l verbose -d 'More detail on stderr (-vv shows request and response bodies; never the key)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand man" -s q -l quiet -d 'Only errors on stderr'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand man" -l no-color -d 'No colour'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand man" -s h -l help -d 'Print help'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand man" -s V -l version -d 'Print version'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and not __fish_seen_subcommand_from auth profiles channel templates send webhook emulator setup completions man help" -f -a "auth" -d 'Store, check and remove the API key of a profile'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and not __fish_seen_subcommand_from auth profiles channel templates send webhook emulator setup completions man help" -f -a "profiles" -d 'List, choose and remove profiles'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and not __fish_seen_subcommand_from auth profiles channel templates send webhook emulator setup completions man help" -f -a "channel" -d 'Check a channel, activate it with a webhook, show its webhook'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and not __fish_seen_subcommand_from auth profiles channel templates send webhook emulator setup completions man help" -f -a "templates" -d 'Validate, submit, list, follow and delete message templates'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and not __fish_seen_subcommand_from auth profiles channel templates send webhook emulator setup completions man help" -f -a "send" -d 'Send test messages: text, buttons, media, templates'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and not __fish_seen_subcommand_from auth profiles channel templates send webhook emulator setup completions man help" -f -a "webhook" -d 'Read webhook payloads: parse a saved one, or receive them live'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and not __fish_seen_subcommand_from auth profiles channel templates send webhook emulator setup completions man help" -f -a "emulator" -d 'Run or drive the embedded 360dialog emulator'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and not __fish_seen_subcommand_from auth profiles channel templates send webhook emulator setup completions man help" -f -a "setup" -d 'Set up a channel step by step: key, health, webhook, test message (every prompt has a flag)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and not __fish_seen_subcommand_from auth profiles channel templates send webhook emulator setup completions man help" -f -a "completions" -d 'Print the shell completion script for bash, zsh, fish, powershell or elvish'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and not __fish_seen_subcommand_from auth profiles channel templates send webhook emulator setup completions man help" -f -a "man" -d 'Print the man page, or write every page (one per subcommand) to a folder'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and not __fish_seen_subcommand_from auth profiles channel templates send webhook emulator setup completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Store the API key of a profile, checked against the API first'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show the profile, where each value came from, and whether the key works'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Remove the stored key of the profile'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "token" -d 'Print the resolved key (for scripts; the only command that prints it)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from profiles" -f -a "list" -d 'List profiles: flavour, base URL, key (masked), current marked'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from profiles" -f -a "use" -d 'Make NAME the profile used when --profile is not given'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from profiles" -f -a "remove" -d 'Remove a profile and its stored key'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from channel" -f -a "check" -d 'Run the channel checks (config, reachability, auth, health, webhook, templates); exit 1 when one fails'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from channel" -f -a "activate" -d 'Register the webhook, read it back, remember it in the profile, then run the checks'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from channel" -f -a "webhook" -d 'Show the registered webhook (header values masked)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from templates" -f -a "list" -d 'List templates (every page), filtered and sorted'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from templates" -f -a "show" -d 'Show one template with its components'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from templates" -f -a "status" -d 'Show a template\'s review status; --wait follows it until approved or rejected'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from templates" -f -a "validate" -d 'Check template files against WhatsApp\'s rules without sending anything'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from templates" -f -a "submit" -d 'Validate, then submit templates from files or flags'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from templates" -f -a "delete" -d 'Delete a template (every language of the name)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from send" -f -a "text" -d 'Send a text (split into several messages past 4096 characters)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from send" -f -a "buttons" -d 'Send reply buttons (more than 3 go as a numbered list)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from send" -f -a "media" -d 'Send an image, video, audio or document by link (refused media goes as a text link)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from send" -f -a "template" -d 'Send an approved template, its parameters checked against the template first'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "parse" -d 'Print the events of a webhook payload (a file, or standard input with - or nothing)'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "listen" -d 'Receive webhooks on a local port, print each event, optionally forward them; Ctrl-C stops'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from emulator" -f -a "start" -d 'Serve the emulator on loopback until Ctrl-C; prints its base URL and key'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from emulator" -f -a "inbound" -d 'Deliver an inbound text message to the registered webhook and open the sender\'s 24-hour window'
complete -c whatsapp-ctl -n "__fish_whatsapp_ctl_using_subcommand help; and __fish_seen_subcommand_from emulator" -f -a "reset" -d 'Forget all templates, messages, windows and the webhook (the key stays)'
