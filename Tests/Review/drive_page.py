#!/usr/bin/env python3
"""Drives the review page in headless Chromium through the DevTools protocol, as a user would.

usage: drive_page.py URL PATH GOOD_VALUE BAD_VALUE SCREENSHOT.png

Prints one JSON object: the NPV cells before any what-if, after typing GOOD_VALUE into the control
of PATH (through the page's own input and its change event), and after typing BAD_VALUE (the page
must refuse it and change nothing), the error text shown, and whether the screenshot was written.
"""
import asyncio, base64, json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request

import websockets


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Page:
    def __init__(self, socket_):
        self.socket, self.next_id = socket_, 0

    async def call(self, method, **params):
        self.next_id += 1
        message_id = self.next_id
        await self.socket.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            answer = json.loads(await self.socket.recv())
            if answer.get("id") == message_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})

    async def evaluate(self, expression):
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result.get("result", {}).get("value")

    async def wait_for(self, expression, seconds=20):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if await self.evaluate(expression):
                return True
            await asyncio.sleep(0.1)
        raise TimeoutError(expression)

    async def npvs(self):
        return await self.evaluate(
            "Array.from(document.querySelectorAll('td.npv')).map(td => "
            "({scenario: td.dataset.scenario, strategy: td.dataset.strategy, npv: td.dataset.npv}))")

    async def fire(self, selector, value):
        """Types `value` into the input at `selector` and fires its change event, as a user pressing Enter."""
        found = await self.evaluate(f"""(() => {{
            const input = document.querySelector({json.dumps(selector)});
            if (!input) return false;
            document.body.dataset.pending = 'typing';
            input.focus(); input.value = {json.dumps(value)};
            input.dispatchEvent(new Event('change', {{bubbles: true}}));
            return true; }})()""")
        if found:
            await self.wait_for("document.body.dataset.pending === 'done'")
        return found

    async def type_into(self, path, value):
        """Types `value` into the control of `path`; when the page shows no control for it, finds the
        input with the page's search box first, as a user would."""
        control = f"input.whatif-input[data-path={json.dumps(path)}]"
        if not await self.evaluate(f"!!document.querySelector({json.dumps(control)})"):
            await self.fire("#search", path)
        if not await self.fire(control, value):
            raise RuntimeError(f"no control for {path}")


async def main(url, path, good, bad, screenshot):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    port = free_port()
    profile = tempfile.mkdtemp(prefix="tco-chromium-")
    browser = subprocess.Popen(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--remote-debugging-port={port}",
         f"--user-data-dir={profile}", "--window-size=1280,2400", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        targets = None
        for _ in range(100):
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
                break
            except OSError:
                time.sleep(0.1)
        target = next(t for t in targets if t.get("type") == "page")
        async with websockets.connect(target["webSocketDebuggerUrl"], max_size=None) as socket_:
            page = Page(socket_)
            await page.call("Page.enable")
            await page.call("Runtime.enable")
            await page.call("Page.navigate", url=url)
            await page.wait_for("document.readyState === 'complete' && !!document.querySelector('td.npv')")
            result = {"before": await page.npvs()}
            await page.type_into(path, good)
            result["after"] = await page.npvs()
            result["changed_yaml"] = await page.evaluate(
                "(document.getElementById('scenario-yaml') || {}).textContent || ''")
            await page.type_into(path, bad)
            result["after_bad"] = await page.npvs()
            result["error"] = await page.evaluate(
                "(document.getElementById('whatif-problems') || {}).textContent || ''")
            await page.call("Emulation.setDeviceMetricsOverride", width=1280, height=2400, deviceScaleFactor=1,
                            mobile=False)
            shot = await page.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
            with open(screenshot, "wb") as file:
                file.write(base64.b64decode(shot["data"]))
            result["screenshot"] = os.path.getsize(screenshot) > 0
            print(json.dumps(result))
    finally:
        browser.terminate()
        browser.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:6]))
