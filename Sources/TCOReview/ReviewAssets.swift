/// The page's style sheet and script, compiled into the tool: meeting rooms are behind firewalls,
/// so nothing is fetched from elsewhere and no JavaScript library is used.
enum ReviewAssets {
    static let css = """
        :root { --ink: #111827; --muted: #4b5563; --line: #e5e7eb; --accent: #0072B2; --warn: #b91c1c; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
          margin: 0 auto; max-width: 1180px; padding: 16px 28px 48px; }
        h1 { font-size: 24px; margin: 8px 0 2px; } h2 { font-size: 18px; margin: 26px 0 8px; }
        .file, .note { color: var(--muted); font-size: 13px; }
        .decision { font-size: 18px; background: #eff6ff; border-left: 4px solid var(--accent);
          padding: 10px 14px; margin: 0; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border-bottom: 1px solid var(--line); padding: 6px 10px; text-align: left; vertical-align: top; }
        thead th { background: #1f3864; color: #fff; font-weight: 600; }
        td.npv { text-align: right; font-variant-numeric: tabular-nums; }
        td.cheapest { background: #ecfdf5; font-weight: 700; }
        .star { color: #047857; } .tag { font-size: 11px; color: var(--muted); font-weight: 400; }
        .charts { display: flex; flex-wrap: wrap; gap: 8px; } .charts h2 { width: 100%; }
        figure { margin: 0; flex: 1 1 520px; max-width: 860px; } figure svg { width: 100%; height: auto; }
        .stale { opacity: 0.45; filter: grayscale(1); }
        .problems { border: 2px solid var(--warn); border-radius: 6px; padding: 4px 14px; margin-top: 16px; }
        .problems h2 { color: var(--warn); }
        pre { background: #f9fafb; padding: 10px; overflow-x: auto; font-size: 13px; }
        .whatif input { font: inherit; width: 100%; box-sizing: border-box; padding: 4px 6px; }
        .control.changed input { background: #fff7ed; border: 2px solid #ea580c; }
        td.source { color: var(--muted); font-size: 12px; max-width: 420px; }
        button { font: inherit; padding: 6px 12px; }
        """

    static let script = """
        (function () {
          const params = new URLSearchParams(location.search);
          const changes = new Map();
          for (const item of params.getAll('set')) {
            const at = item.indexOf('=');
            if (at > 0) changes.set(item.slice(0, at), item.slice(at + 1));
          }
          const shown = new Set(params.getAll('show'));
          const live = document.getElementById('live');
          // Encoded by hand: URLSearchParams writes a space as '+', which is also a sign in '+5%/year'.
          function query() {
            const parts = [];
            for (const [path, value] of changes) parts.push('set=' + encodeURIComponent(path + '=' + value));
            for (const path of shown) parts.push('show=' + encodeURIComponent(path));
            return parts.join('&');
          }
          async function apply(previous) {
            const q = query();
            const response = await fetch('/api/view?' + q);
            const answer = await response.json();
            if (answer.ok) {
              live.innerHTML = answer.html;
              history.replaceState(null, '', q ? '/?' + q : '/');
            } else {
              changes.clear();
              for (const [path, value] of previous) changes.set(path, value);
              // The refused value goes back to what is applied: the page changes nothing.
              for (const input of live.querySelectorAll('input.whatif-input')) {
                input.value = changes.get(input.dataset.path) ?? input.dataset.original;
              }
              const old = document.getElementById('whatif-problems');
              if (old) old.remove();
              document.getElementById('whatif').insertAdjacentHTML('afterbegin', answer.problems);
            }
            document.body.dataset.pending = 'done';
          }
          live.addEventListener('change', (event) => {
            const input = event.target;
            const previous = new Map(changes);
            document.body.dataset.pending = 'pending';
            if (input.classList.contains('whatif-input')) {
              const path = input.dataset.path, value = input.value.trim();
              if (value === '' || value === input.dataset.original) changes.delete(path);
              else changes.set(path, value);
              apply(previous);
            } else if (input.id === 'search' && input.value.trim() !== '') {
              shown.add(input.value.trim());
              apply(previous);
            }
          });
          live.addEventListener('keydown', (event) => {
            if (event.key === 'Enter' && event.target.tagName === 'INPUT') event.target.blur();
          });
          live.addEventListener('click', (event) => {
            if (event.target.id === 'copy-scenario') {
              const text = document.getElementById('scenario-yaml').textContent;
              if (navigator.clipboard) navigator.clipboard.writeText(text);
              event.target.textContent = text.startsWith('  #')
                ? 'Copied — paste it under scenarios: in the model file'
                : text.startsWith('#') ? "Copied — it replaces the file's one-line scenarios:"
                : 'Copied — paste it at the end of the model file';
            } else if (event.target.id === 'reset') {
              const previous = new Map(changes);
              changes.clear();
              apply(previous);
            }
          });
          setInterval(async () => {
            try {
              const answer = await (await fetch('/api/version')).json();
              if (String(answer.version) !== document.body.dataset.version) location.reload();
            } catch (error) { /* the server stopped: keep the page as it is */ }
          }, 1000);
        })();
        """
}
