"""Adds up the JUnit XML reports of every module (Surefire and the UI's Vitest) into one line."""
import glob
import xml.etree.ElementTree as ET

tests = failures = errors = skipped = 0
for path in glob.glob("**/target/surefire-reports/TEST-*.xml", recursive=True) + glob.glob("ui/target/test-results/*.xml"):
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    for suite in suites:
        tests += int(suite.get("tests", 0))
        failures += int(suite.get("failures", 0))
        errors += int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
failed = failures + errors
print(f"{tests - failed - skipped} passed, {failed} failed, {skipped} skipped")
