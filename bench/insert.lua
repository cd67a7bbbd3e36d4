-- wrk script: POST /insert on refserver, a body about the size of an
-- answer. Every response should be 200.
--
--   wrk -t2 -c64 -d10s -s bench/insert.lua URL/insert

wrk.method = "POST"
wrk.body = '{"question_id": 1234, "answer": "Niamey, the capital of Niger"}'
wrk.headers["Content-Type"] = "application/json"
