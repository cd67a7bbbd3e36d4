module factquiz

go 1.26
