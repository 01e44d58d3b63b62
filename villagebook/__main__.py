from villagebook.cli import main

main()
