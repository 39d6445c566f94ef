
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'whatsapp-ctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'whatsapp-ctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'whatsapp-ctl' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Store, check and remove the API key of a profile')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List, choose and remove profiles')
            [CompletionResult]::new('channel', 'channel', [CompletionResultType]::ParameterValue, 'Check a channel, activate it with a webhook, show its webhook')
            [CompletionResult]::new('templates', 'templates', [CompletionResultType]::ParameterValue, 'Validate, submit, list, follow and delete message templates')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send test messages: text, buttons, media, templates')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Read webhook payloads: parse a saved one, or receive them live')
            [CompletionResult]::new('emulator', 'emulator', [CompletionResultType]::ParameterValue, 'Run or drive the embedded 360dialog emulator')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Set up a channel step by step: key, health, webhook, test message (every prompt has a flag)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for bash, zsh, fish, powershell or elvish')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write every page (one per subcommand) to a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;auth' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store the API key of a profile, checked against the API first')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile, where each value came from, and whether the key works')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the stored key of the profile')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the resolved key (for scripts; the only command that prints it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;auth;login' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'API flavour of the channel [default: the profile''s, else cloud]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input instead of a hidden prompt')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Store the key without checking it against the API')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;auth;status' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;auth;logout' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;auth;token' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store the API key of a profile, checked against the API first')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile, where each value came from, and whether the key works')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the stored key of the profile')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the resolved key (for scripts; the only command that prints it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;auth;help;login' {
            break
        }
        'whatsapp-ctl;auth;help;status' {
            break
        }
        'whatsapp-ctl;auth;help;logout' {
            break
        }
        'whatsapp-ctl;auth;help;token' {
            break
        }
        'whatsapp-ctl;auth;help;help' {
            break
        }
        'whatsapp-ctl;profiles' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles: flavour, base URL, key (masked), current marked')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make NAME the profile used when --profile is not given')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a profile and its stored key')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;profiles;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;profiles;use' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;profiles;remove' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;profiles;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles: flavour, base URL, key (masked), current marked')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make NAME the profile used when --profile is not given')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a profile and its stored key')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;profiles;help;list' {
            break
        }
        'whatsapp-ctl;profiles;help;use' {
            break
        }
        'whatsapp-ctl;profiles;help;remove' {
            break
        }
        'whatsapp-ctl;profiles;help;help' {
            break
        }
        'whatsapp-ctl;channel' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Run the channel checks (config, reachability, auth, health, webhook, templates); exit 1 when one fails')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Register the webhook, read it back, remember it in the profile, then run the checks')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Show the registered webhook (header values masked)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;channel;check' {
            [CompletionResult]::new('--webhook-url', '--webhook-url', [CompletionResultType]::ParameterName, 'The webhook URL the channel should have; fails when another one (or none) is registered')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Warnings fail the run too (exit 1)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;channel;activate' {
            [CompletionResult]::new('--webhook-url', '--webhook-url', [CompletionResultType]::ParameterName, 'Your webhook''s URL: https, no :port, no ''_'' in the host (loopback hosts are allowed for local tests)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A header 360dialog sends with every delivery, e.g. a shared secret your server checks (repeatable); NAME=@FILE reads the value from a file, NAME=env:VAR from the environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Warnings of the checks fail the run too (exit 1)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;channel;webhook' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;channel;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Run the channel checks (config, reachability, auth, health, webhook, templates); exit 1 when one fails')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Register the webhook, read it back, remember it in the profile, then run the checks')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Show the registered webhook (header values masked)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;channel;help;check' {
            break
        }
        'whatsapp-ctl;channel;help;activate' {
            break
        }
        'whatsapp-ctl;channel;help;webhook' {
            break
        }
        'whatsapp-ctl;channel;help;help' {
            break
        }
        'whatsapp-ctl;templates' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List templates (every page), filtered and sorted')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one template with its components')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a template''s review status; --wait follows it until approved or rejected')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check template files against WhatsApp''s rules without sending anything')
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Validate, then submit templates from files or flags')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a template (every language of the name)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;templates;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only this status (approved, rejected, submitted, pending, paused, disabled, ...)')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Only this category (MARKETING, UTILITY, AUTHENTICATION)')
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'Only this language code (en_US, de, ...)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only this exact name (filtered by the API)')
            [CompletionResult]::new('--name-contains', '--name-contains', [CompletionResultType]::ParameterName, 'Only names containing this text (filtered locally, case-insensitive)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by id, name or status; prefix with - for descending (e.g. -name)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many templates')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Skip this many templates first')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;templates;show' {
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'Language code, needed when the name exists in several languages')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;templates;status' {
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'Language code, needed when the name exists in several languages')
            [CompletionResult]::new('--wait-timeout', '--wait-timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this many seconds (exit 1)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the review ends (approved, rejected, paused or disabled)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;templates;validate' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;templates;submit' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Template name (lower case, digits, underscores)')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'MARKETING, UTILITY or AUTHENTICATION')
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'Language code (en_US, de, ...)')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'Body text; variables are {{1}}, {{2}}, ...')
            [CompletionResult]::new('--example', '--example', [CompletionResultType]::ParameterName, 'Example value of the next body variable (repeat, in order)')
            [CompletionResult]::new('--header-text', '--header-text', [CompletionResultType]::ParameterName, 'Text header (at most 60 characters, one variable)')
            [CompletionResult]::new('--header-example', '--header-example', [CompletionResultType]::ParameterName, 'Example value of the header variable')
            [CompletionResult]::new('--footer', '--footer', [CompletionResultType]::ParameterName, 'Footer (at most 60 characters, no variables)')
            [CompletionResult]::new('--quick-reply', '--quick-reply', [CompletionResultType]::ParameterName, 'A quick-reply button (repeat)')
            [CompletionResult]::new('--url-button', '--url-button', [CompletionResultType]::ParameterName, 'A URL button TEXT=URL; a {{1}} at the end of the URL is filled at send time')
            [CompletionResult]::new('--url-example', '--url-example', [CompletionResultType]::ParameterName, 'Example suffix for a URL button''s {{1}}')
            [CompletionResult]::new('--phone-button', '--phone-button', [CompletionResultType]::ParameterName, 'A phone-number button TEXT=PHONE')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate and show what would be sent, without sending')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;templates;delete' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;templates;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List templates (every page), filtered and sorted')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one template with its components')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a template''s review status; --wait follows it until approved or rejected')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check template files against WhatsApp''s rules without sending anything')
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Validate, then submit templates from files or flags')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a template (every language of the name)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;templates;help;list' {
            break
        }
        'whatsapp-ctl;templates;help;show' {
            break
        }
        'whatsapp-ctl;templates;help;status' {
            break
        }
        'whatsapp-ctl;templates;help;validate' {
            break
        }
        'whatsapp-ctl;templates;help;submit' {
            break
        }
        'whatsapp-ctl;templates;help;delete' {
            break
        }
        'whatsapp-ctl;templates;help;help' {
            break
        }
        'whatsapp-ctl;send' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('text', 'text', [CompletionResultType]::ParameterValue, 'Send a text (split into several messages past 4096 characters)')
            [CompletionResult]::new('buttons', 'buttons', [CompletionResultType]::ParameterValue, 'Send reply buttons (more than 3 go as a numbered list)')
            [CompletionResult]::new('media', 'media', [CompletionResultType]::ParameterValue, 'Send an image, video, audio or document by link (refused media goes as a text link)')
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Send an approved template, its parameters checked against the template first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;send;text' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Recipient phone number with country code, as pasted (`+49 151 2345-6789`, `0049…`); default: the profile''s test recipient')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--preview-url', '--preview-url', [CompletionResultType]::ParameterName, 'Show a preview of the first link in the text')
            [CompletionResult]::new('--markdown', '--markdown', [CompletionResultType]::ParameterName, 'Convert Markdown (bold, italic, strike-through, code, headings, links, lists) into WhatsApp''s formatting, which WhatsApp renders instead of Markdown')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;send;buttons' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Recipient phone number with country code, as pasted (`+49 151 2345-6789`, `0049…`); default: the profile''s test recipient')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'The message shown above the buttons')
            [CompletionResult]::new('--button', '--button', [CompletionResultType]::ParameterName, 'A button label, repeated per button (1-3 labels of up to 20 characters become reply buttons; more become a numbered list)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;send;media' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Recipient phone number with country code, as pasted (`+49 151 2345-6789`, `0049…`); default: the profile''s test recipient')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What the link points to')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'Public http(s) URL of the file; WhatsApp downloads it from there')
            [CompletionResult]::new('--caption', '--caption', [CompletionResultType]::ParameterName, 'Text shown under the media, up to 1024 characters (not for audio)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'File name shown for a document (only with --kind document)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;send;template' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Recipient phone number with country code, as pasted (`+49 151 2345-6789`, `0049…`); default: the profile''s test recipient')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Template name')
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'Template language code, e.g. en_US')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'A body variable''s value, repeated in order ({{1}}, {{2}}, …)')
            [CompletionResult]::new('--header-param', '--header-param', [CompletionResultType]::ParameterName, 'The header''s variable, or its media (a link or a media id), or a location as LATITUDE,LONGITUDE[,NAME[,ADDRESS]]')
            [CompletionResult]::new('--button-param', '--button-param', [CompletionResultType]::ParameterName, 'A button''s parameter (a URL button''s suffix, a coupon or one-time code), repeated in button order')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;send;help' {
            [CompletionResult]::new('text', 'text', [CompletionResultType]::ParameterValue, 'Send a text (split into several messages past 4096 characters)')
            [CompletionResult]::new('buttons', 'buttons', [CompletionResultType]::ParameterValue, 'Send reply buttons (more than 3 go as a numbered list)')
            [CompletionResult]::new('media', 'media', [CompletionResultType]::ParameterValue, 'Send an image, video, audio or document by link (refused media goes as a text link)')
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Send an approved template, its parameters checked against the template first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;send;help;text' {
            break
        }
        'whatsapp-ctl;send;help;buttons' {
            break
        }
        'whatsapp-ctl;send;help;media' {
            break
        }
        'whatsapp-ctl;send;help;template' {
            break
        }
        'whatsapp-ctl;send;help;help' {
            break
        }
        'whatsapp-ctl;webhook' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('parse', 'parse', [CompletionResultType]::ParameterValue, 'Print the events of a webhook payload (a file, or standard input with - or nothing)')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhooks on a local port, print each event, optionally forward them; Ctrl-C stops')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;webhook;parse' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;webhook;listen' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on (0 picks a free one; the address is printed on stderr)')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address to listen on; anything but loopback (e.g. 0.0.0.0) is reachable from other machines')
            [CompletionResult]::new('--forward-to', '--forward-to', [CompletionResultType]::ParameterName, 'Pass each accepted request''s raw body and headers on to this URL and report its status')
            [CompletionResult]::new('--require-header', '--require-header', [CompletionResultType]::ParameterName, 'Refuse requests without this header: 401 when absent, 403 when different (repeatable); NAME=@FILE reads the value from a file, NAME=env:VAR from the environment')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;webhook;help' {
            [CompletionResult]::new('parse', 'parse', [CompletionResultType]::ParameterValue, 'Print the events of a webhook payload (a file, or standard input with - or nothing)')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhooks on a local port, print each event, optionally forward them; Ctrl-C stops')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;webhook;help;parse' {
            break
        }
        'whatsapp-ctl;webhook;help;listen' {
            break
        }
        'whatsapp-ctl;webhook;help;help' {
            break
        }
        'whatsapp-ctl;emulator' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Serve the emulator on loopback until Ctrl-C; prints its base URL and key')
            [CompletionResult]::new('inbound', 'inbound', [CompletionResultType]::ParameterValue, 'Deliver an inbound text message to the registered webhook and open the sender''s 24-hour window')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Forget all templates, messages, windows and the webhook (the key stays)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;emulator;start' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port on 127.0.0.1 (0 picks a free one)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file [default: WHATSAPP_CTL_EMULATOR_STATE, else the data dir]')
            [CompletionResult]::new('--review-delay', '--review-delay', [CompletionResultType]::ParameterName, 'Seconds a submitted template stays in review before it is approved or rejected')
            [CompletionResult]::new('--fault-rate', '--fault-rate', [CompletionResultType]::ParameterName, 'Share of API requests answered with a random 500/502/503/555 or 429 (0 to 1)')
            [CompletionResult]::new('--latency', '--latency', [CompletionResultType]::ParameterName, 'Milliseconds added before every API answer')
            [CompletionResult]::new('--page-cap', '--page-cap', [CompletionResultType]::ParameterName, 'Most templates one list page returns, whatever the client asks')
            [CompletionResult]::new('--health', '--health', [CompletionResultType]::ParameterName, 'Messaging health to report: AVAILABLE, LIMITED or BLOCKED')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;emulator;inbound' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The customer''s phone number (digits, country code first)')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'The message text')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The customer''s profile name')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file [default: WHATSAPP_CTL_EMULATOR_STATE, else the data dir]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;emulator;reset' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file [default: WHATSAPP_CTL_EMULATOR_STATE, else the data dir]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;emulator;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Serve the emulator on loopback until Ctrl-C; prints its base URL and key')
            [CompletionResult]::new('inbound', 'inbound', [CompletionResultType]::ParameterValue, 'Deliver an inbound text message to the registered webhook and open the sender''s 24-hour window')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Forget all templates, messages, windows and the webhook (the key stays)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;emulator;help;start' {
            break
        }
        'whatsapp-ctl;emulator;help;inbound' {
            break
        }
        'whatsapp-ctl;emulator;help;reset' {
            break
        }
        'whatsapp-ctl;emulator;help;help' {
            break
        }
        'whatsapp-ctl;setup' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'API flavour of the channel [default: the profile''s, else cloud]')
            [CompletionResult]::new('--webhook-url', '--webhook-url', [CompletionResultType]::ParameterName, 'Register this webhook URL (https; plain http only to localhost) and read it back')
            [CompletionResult]::new('--test-recipient', '--test-recipient', [CompletionResultType]::ParameterName, 'Default recipient of test messages, stored in the profile (country code first)')
            [CompletionResult]::new('--test-template', '--test-template', [CompletionResultType]::ParameterName, 'Send this approved template (one without variables) as the test message')
            [CompletionResult]::new('--test-language', '--test-language', [CompletionResultType]::ParameterName, 'Language of --test-template [default: its only approved language]')
            [CompletionResult]::new('--test-text', '--test-text', [CompletionResultType]::ParameterName, 'Send this text as the test message (the recipient must have written within 24 hours)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the API key from standard input instead of a hidden prompt (needed without a terminal)')
            [CompletionResult]::new('--no-webhook', '--no-webhook', [CompletionResultType]::ParameterName, 'Leave the registered webhook as it is')
            [CompletionResult]::new('--no-test', '--no-test', [CompletionResultType]::ParameterName, 'Send no test message (and do not ask for a test recipient)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Take the default for every question no flag answered (webhook unchanged, no test), and save without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Take the default for every question no flag answered (webhook unchanged, no test), and save without asking')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;man' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write every page (main page and one per subcommand) into this folder instead of printing the main page')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config store [default: the one chosen by `profiles use`, else `default`]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [default: per API flavour]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for retryable failures')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output: one JSON document on stdout')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'Run against the embedded 360dialog emulator (no key needed, no profile read or written)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (-vv shows request and response bodies; never the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'whatsapp-ctl;help' {
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Store, check and remove the API key of a profile')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List, choose and remove profiles')
            [CompletionResult]::new('channel', 'channel', [CompletionResultType]::ParameterValue, 'Check a channel, activate it with a webhook, show its webhook')
            [CompletionResult]::new('templates', 'templates', [CompletionResultType]::ParameterValue, 'Validate, submit, list, follow and delete message templates')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send test messages: text, buttons, media, templates')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Read webhook payloads: parse a saved one, or receive them live')
            [CompletionResult]::new('emulator', 'emulator', [CompletionResultType]::ParameterValue, 'Run or drive the embedded 360dialog emulator')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Set up a channel step by step: key, health, webhook, test message (every prompt has a flag)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for bash, zsh, fish, powershell or elvish')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write every page (one per subcommand) to a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'whatsapp-ctl;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store the API key of a profile, checked against the API first')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile, where each value came from, and whether the key works')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the stored key of the profile')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the resolved key (for scripts; the only command that prints it)')
            break
        }
        'whatsapp-ctl;help;auth;login' {
            break
        }
        'whatsapp-ctl;help;auth;status' {
            break
        }
        'whatsapp-ctl;help;auth;logout' {
            break
        }
        'whatsapp-ctl;help;auth;token' {
            break
        }
        'whatsapp-ctl;help;profiles' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles: flavour, base URL, key (masked), current marked')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make NAME the profile used when --profile is not given')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a profile and its stored key')
            break
        }
        'whatsapp-ctl;help;profiles;list' {
            break
        }
        'whatsapp-ctl;help;profiles;use' {
            break
        }
        'whatsapp-ctl;help;profiles;remove' {
            break
        }
        'whatsapp-ctl;help;channel' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Run the channel checks (config, reachability, auth, health, webhook, templates); exit 1 when one fails')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Register the webhook, read it back, remember it in the profile, then run the checks')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Show the registered webhook (header values masked)')
            break
        }
        'whatsapp-ctl;help;channel;check' {
            break
        }
        'whatsapp-ctl;help;channel;activate' {
            break
        }
        'whatsapp-ctl;help;channel;webhook' {
            break
        }
        'whatsapp-ctl;help;templates' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List templates (every page), filtered and sorted')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one template with its components')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a template''s review status; --wait follows it until approved or rejected')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check template files against WhatsApp''s rules without sending anything')
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Validate, then submit templates from files or flags')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a template (every language of the name)')
            break
        }
        'whatsapp-ctl;help;templates;list' {
            break
        }
        'whatsapp-ctl;help;templates;show' {
            break
        }
        'whatsapp-ctl;help;templates;status' {
            break
        }
        'whatsapp-ctl;help;templates;validate' {
            break
        }
        'whatsapp-ctl;help;templates;submit' {
            break
        }
        'whatsapp-ctl;help;templates;delete' {
            break
        }
        'whatsapp-ctl;help;send' {
            [CompletionResult]::new('text', 'text', [CompletionResultType]::ParameterValue, 'Send a text (split into several messages past 4096 characters)')
            [CompletionResult]::new('buttons', 'buttons', [CompletionResultType]::ParameterValue, 'Send reply buttons (more than 3 go as a numbered list)')
            [CompletionResult]::new('media', 'media', [CompletionResultType]::ParameterValue, 'Send an image, video, audio or document by link (refused media goes as a text link)')
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Send an approved template, its parameters checked against the template first')
            break
        }
        'whatsapp-ctl;help;send;text' {
            break
        }
        'whatsapp-ctl;help;send;buttons' {
            break
        }
        'whatsapp-ctl;help;send;media' {
            break
        }
        'whatsapp-ctl;help;send;template' {
            break
        }
        'whatsapp-ctl;help;webhook' {
            [CompletionResult]::new('parse', 'parse', [CompletionResultType]::ParameterValue, 'Print the events of a webhook payload (a file, or standard input with - or nothing)')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhooks on a local port, print each event, optionally forward them; Ctrl-C stops')
            break
        }
        'whatsapp-ctl;help;webhook;parse' {
            break
        }
        'whatsapp-ctl;help;webhook;listen' {
            break
        }
        'whatsapp-ctl;help;emulator' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Serve the emulator on loopback until Ctrl-C; prints its base URL and key')
            [CompletionResult]::new('inbound', 'inbound', [CompletionResultType]::ParameterValue, 'Deliver an inbound text message to the registered webhook and open the sender''s 24-hour window')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Forget all templates, messages, windows and the webhook (the key stays)')
            break
        }
        'whatsapp-ctl;help;emulator;start' {
            break
        }
        'whatsapp-ctl;help;emulator;inbound' {
            break
        }
        'whatsapp-ctl;help;emulator;reset' {
            break
        }
        'whatsapp-ctl;help;setup' {
            break
        }
        'whatsapp-ctl;help;completions' {
            break
        }
        'whatsapp-ctl;help;man' {
            break
        }
        'whatsapp-ctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
